using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ledger.Domain;

namespace Ledger.Extraction;

/// <summary>
/// The exchange format of the extraction spec: one JSON object per line, snake_case fields in the
/// spec's order, figures as plain numbers, Chinese written as is.
/// </summary>
public static class RecordJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DonationRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) WriteObject(json, record);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The records as JSON Lines, appended to <paramref name="buffer"/> in UTF-8 (each line ends
    /// with the platform's line end, as a console's WriteLine ends it): a folder's output is written
    /// as bytes, without a string per record.
    /// </summary>
    public static void WriteLines(IEnumerable<DonationRecord> records, IBufferWriter<byte> buffer)
    {
        var lineEnd = Encoding.UTF8.GetBytes(Environment.NewLine);
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        foreach (var record in records)
        {
            WriteObject(json, record);
            json.Flush();
            // One writer for many top-level objects: each line starts as a document of its own.
            json.Reset(buffer);
            buffer.Write(lineEnd);
        }
    }

    private static void WriteObject(Utf8JsonWriter json, DonationRecord record)
    {
        json.WriteStartObject();
        json.WriteString("doc", record.Doc);
        json.WriteNumber("line", record.Line);
        json.WriteString("evidence", record.Evidence);
        json.WriteString("donor", record.Donor);
        json.WriteStartArray("donor_alt");
        json.WriteEndArray();
        json.WriteString("donor_kind", Vocabulary.Snake(record.DonorKind));
        json.WriteStartArray("recipients");
        foreach (var recipient in record.Recipients) json.WriteStringValue(recipient);
        json.WriteEndArray();
        json.WriteString("via", record.Via);
        WriteFigure(json, "cash_cny", "cash_qualifier", record.Cash);
        WriteFigure(json, "goods_value_cny", "goods_value_qualifier", record.GoodsValue);
        WriteFigure(json, "combined_cny", "combined_qualifier", record.Combined);
        if (record.CashOther is { } other)
        {
            json.WriteStartObject("cash_other");
            WriteNumber(json, "amount", other.Amount.Value);
            json.WriteString("currency", other.Currency);
            json.WriteString("qualifier", Vocabulary.Snake(other.Amount.Qualifier));
            json.WriteEndObject();
        }
        else json.WriteNull("cash_other");
        json.WriteStartArray("items");
        foreach (var item in record.Items)
        {
            json.WriteStartObject();
            json.WriteString("category", Vocabulary.Snake(item.Category));
            json.WriteString("name", item.Name);
            if (item.Quantity is { } quantity) WriteNumber(json, "quantity", quantity.Value);
            else json.WriteNull("quantity");
            json.WriteString("unit", item.Unit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("date", record.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteBoolean("aggregate", record.Aggregate);
        json.WriteBoolean("optional", record.Optional);
        json.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter json, string name, string qualifierName, Figure? figure)
    {
        if (figure is { } f)
        {
            WriteNumber(json, name, f.Value);
            json.WriteString(qualifierName, Vocabulary.Snake(f.Qualifier));
        }
        else
        {
            json.WriteNull(name);
            json.WriteNull(qualifierName);
        }
    }

    // 133.80 → 133.8, 255500.0 → 255500: the figure, not the way it was computed.
    private static void WriteNumber(Utf8JsonWriter json, string name, decimal value) =>
        json.WriteNumber(name, value / 1.0000000000000000000000000000m);
}
