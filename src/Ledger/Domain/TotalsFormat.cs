using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ledger.Domain;

/// <summary>
/// Totals written out: JSON objects with snake_case fields (one per group, with its key and name),
/// CSV with the same columns, or the cells of a table for a terminal. The command line and the REST API share them.
/// </summary>
public static class TotalsFormat
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static readonly string[] Columns =
    [
        "key", "name", "cash_cny", "cash_qualifier", "goods_value_cny", "goods_value_qualifier", "combined_cny", "combined_qualifier",
        "reported_cash_cny", "reported_cash_qualifier", "reported_goods_value_cny", "reported_goods_value_qualifier",
        "reported_combined_cny", "reported_combined_qualifier", "donations", "reported_totals", "sources",
    ];

    public static void WriteJson(Utf8JsonWriter json, TotalsRow row)
    {
        json.WriteStartObject();
        json.WriteString("key", row.Key);
        json.WriteString("name", row.Name);
        WriteSum(json, SumNames.Cash, row.Cash);
        WriteSum(json, SumNames.GoodsValue, row.GoodsValue);
        WriteSum(json, SumNames.Combined, row.Combined);
        WriteSum(json, SumNames.ReportedCash, row.ReportedCash);
        WriteSum(json, SumNames.ReportedGoodsValue, row.ReportedGoodsValue);
        WriteSum(json, SumNames.ReportedCombined, row.ReportedCombined);
        json.WriteNumber("donations", row.Donations);
        json.WriteNumber("reported_totals", row.ReportedTotals);
        json.WriteNumber("sources", row.Sources);
        json.WriteStartArray("items");
        foreach (var item in row.Items)
        {
            json.WriteStartObject();
            json.WriteString("category", item.Category);
            json.WriteString("unit", item.Unit);
            json.WriteNumber("quantity", Plain(item.Quantity));
            json.WriteString("qualifier", Vocabulary.Snake(item.Qualifier));
            json.WriteNumber("donations", item.Donations);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // Only on a shared group: a giver's row never is one, and the rows kept with each giver are written without it.
        if (row.SharedAmong is { } members)
        {
            json.WriteStartArray("shared_among");
            foreach (var member in members)
            {
                json.WriteStartObject();
                json.WriteString("key", member.Key);
                json.WriteString("name", member.Name);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    // The two fields of each sum (cash_cny, cash_qualifier…), encoded once.
    private sealed record SumNames(JsonEncodedText Figure, JsonEncodedText Qualifier)
    {
        private static SumNames Of(string name) => new(JsonEncodedText.Encode(name + "_cny"), JsonEncodedText.Encode(name + "_qualifier"));

        public static readonly SumNames Cash = Of("cash"), GoodsValue = Of("goods_value"), Combined = Of("combined"),
            ReportedCash = Of("reported_cash"), ReportedGoodsValue = Of("reported_goods_value"), ReportedCombined = Of("reported_combined");
    }

    /// <summary>One row as a JSON object in UTF-8 (what is kept with each giver, and copied out as it is).</summary>
    public static byte[] Utf8JsonObject(TotalsRow row)
    {
        var buffer = Buffer();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) WriteJson(json, row);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A JSON array of the rows.</summary>
    public static string Json(IReadOnlyList<TotalsRow> rows) => Written(json =>
    {
        json.WriteStartArray();
        foreach (var row in rows) WriteJson(json, row);
        json.WriteEndArray();
    });

    // A buffer a thread reuses for what it writes, up to a size worth keeping (a bulk write writes a row for each of thousands of givers).
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    private static ArrayBufferWriter<byte> Buffer()
    {
        var buffer = t_buffer is { Capacity: <= 1 << 20 } kept ? kept : t_buffer = new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        return buffer;
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = Buffer();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) write(json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Csv(IReadOnlyList<TotalsRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", Columns.Append("items").Append("shared")));
        foreach (var row in rows)
        {
            var cells = new[]
            {
                row.Key, row.Name, Value(row.Cash), Qualified(row.Cash), Value(row.GoodsValue), Qualified(row.GoodsValue),
                Value(row.Combined), Qualified(row.Combined), Value(row.ReportedCash), Qualified(row.ReportedCash),
                Value(row.ReportedGoodsValue), Qualified(row.ReportedGoodsValue), Value(row.ReportedCombined), Qualified(row.ReportedCombined),
                row.Donations.ToString(CultureInfo.InvariantCulture), row.ReportedTotals.ToString(CultureInfo.InvariantCulture),
                row.Sources.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", row.Items.Select(i => $"{i.Category} {Plain(i.Quantity).ToString(CultureInfo.InvariantCulture)}{i.Unit}")),
                row.SharedAmong is null ? "false" : "true",
            };
            csv.AppendLine(string.Join(",", cells.Select(CsvCell)));
        }
        return csv.ToString();
    }

    /// <summary>The columns of totals as a table for a terminal.</summary>
    public static readonly IReadOnlyList<string> TableHeaders = ["name", "cash", "goods", "combined", "reported totals", "donations", "sources", "items"];

    /// <summary>A group's cells under <see cref="TableHeaders"/>: bounds marked (≥ ≤ ≈), a shared group said so.</summary>
    public static IReadOnlyList<string> TableCells(TotalsRow row)
    {
        var reported = string.Join(" ", new[] { ("cash", row.ReportedCash), ("goods", row.ReportedGoodsValue), ("combined", row.ReportedCombined) }
            .Where(r => r.Item2 is not null).Select(r => $"{r.Item1} {Shown(r.Item2)}"));
        return
        [
            row.SharedAmong is null ? row.Name : row.Name + " (shared)", Shown(row.Cash), Shown(row.GoodsValue), Shown(row.Combined), reported,
            row.Donations.ToString(CultureInfo.InvariantCulture), row.Sources.ToString(CultureInfo.InvariantCulture),
            string.Join("、", row.Items.Select(i => $"{i.Category} {Mark(i.Qualifier)}{Plain(i.Quantity):#,0.##}{i.Unit}")),
        ];
    }

    private static void WriteSum(Utf8JsonWriter json, SumNames names, Sum? sum)
    {
        if (sum is null)
        {
            json.WriteNull(names.Figure);
            json.WriteNull(names.Qualifier);
            return;
        }
        json.WriteNumber(names.Figure, Plain(sum.Yuan));
        json.WriteString(names.Qualifier, Vocabulary.Snake(sum.Qualifier));
    }

    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Value(Sum? sum) => sum is null ? "" : Plain(sum.Yuan).ToString(CultureInfo.InvariantCulture);

    private static string Qualified(Sum? sum) => sum is null ? "" : Vocabulary.Snake(sum.Qualifier);

    private static string Shown(Sum? sum) => sum is null ? "" : Shown(sum.Yuan, sum.Qualifier);

    /// <summary>A figure for a reader: grouped digits, its bound marked (≥3,000,000, ≤240,000, ≈50,000).</summary>
    public static string Shown(decimal value, Qualifier qualifier) => Mark(qualifier) + Plain(value).ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Mark(Qualifier qualifier) => qualifier switch
    {
        Qualifier.AtLeast => "≥",
        Qualifier.AtMost => "≤",
        Qualifier.About => "≈",
        _ => "",
    };

    /// <summary>A CSV cell, quoted when it holds a comma, a quote or a line break.</summary>
    public static string CsvCell(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
