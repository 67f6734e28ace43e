using System.Text.Json;

namespace Ledger.Extraction.Scoring;

/// <summary>A record of the exchange format as the scorer reads it, gold or predicted.</summary>
public sealed record ExchangeRecord
{
    public string? Doc { get; init; }
    public int? Line { get; init; }
    public string? Evidence { get; init; }
    public string? Donor { get; init; }
    public IReadOnlyList<string> DonorAlt { get; init; } = [];
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public double? CashCny { get; init; }
    public double? GoodsValueCny { get; init; }
    public double? CombinedCny { get; init; }
    public string? CashQualifier { get; init; }
    public string? GoodsValueQualifier { get; init; }
    public string? CombinedQualifier { get; init; }
    public IReadOnlyList<(string? Category, double? Quantity)> Items { get; init; } = [];
    public string? Date { get; init; }
    public bool Aggregate { get; init; }
    public bool Optional { get; init; }

    /// <summary>Reads JSON Lines; a line that is not JSON is an error naming the file and line.</summary>
    public static List<ExchangeRecord> ReadLines(TextReader reader, string source)
    {
        var records = new List<ExchangeRecord>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                records.Add(From(json.RootElement));
            }
            catch (JsonException e)
            {
                throw new FormatException($"{source}:{number}: not JSON: {e.Message}", e);
            }
        }
        return records;
    }

    public static ExchangeRecord From(JsonElement e) => new()
    {
        Doc = Text(e, "doc"),
        Line = e.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number && line.TryGetInt32(out var l) ? l : null,
        Evidence = Text(e, "evidence"),
        Donor = Text(e, "donor"),
        DonorAlt = Strings(e, "donor_alt"),
        Recipients = Strings(e, "recipients"),
        CashCny = Number(e, "cash_cny"),
        GoodsValueCny = Number(e, "goods_value_cny"),
        CombinedCny = Number(e, "combined_cny"),
        CashQualifier = Text(e, "cash_qualifier"),
        GoodsValueQualifier = Text(e, "goods_value_qualifier"),
        CombinedQualifier = Text(e, "combined_qualifier"),
        Items = e.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => (Text(i, "category"), Number(i, "quantity"))).ToList()
            : [],
        Date = Text(e, "date"),
        Aggregate = Truthy(e, "aggregate"),
        Optional = Truthy(e, "optional"),
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static bool Truthy(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}
