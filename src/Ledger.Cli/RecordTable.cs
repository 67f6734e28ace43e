using System.Globalization;
using System.Text;
using Ledger.Domain;

namespace Ledger.Cli;

/// <summary>Records as an aligned table for reading in a terminal (Chinese characters are two columns wide).</summary>
internal static class RecordTable
{
    private static readonly string[] Header = ["doc:line", "donor", "kind", "cash", "goods", "combined", "items", "recipients", "date", "agg"];

    public static void Write(IReadOnlyList<DonationRecord> records, TextWriter output)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(records.Select(r => new[]
        {
            $"{r.Doc}:{r.Line}",
            r.Donor ?? "",
            RecordJsonKind(r.DonorKind),
            Money(r.Cash) + (r.CashOther is { } other ? $"{(r.Cash is null ? "" : " + ")}{Figure(other.Amount)} {other.Currency}" : ""),
            Money(r.GoodsValue),
            Money(r.Combined),
            string.Join("、", r.Items.Select(i => i.Quantity is { } q ? $"{i.Name}×{Figure(q)}{i.Unit}" : i.Name)),
            string.Join("、", r.Recipients),
            r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            r.Aggregate ? "AGG" : "",
        }));
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(row => Width(row[c]))).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(row[c]);
                if (c < row.Length - 1) line.Append(' ', widths[c] - Width(row[c]) + 2);
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
        output.WriteLine($"{records.Count} records");
    }

    private static string RecordJsonKind(DonorKind kind) => Ledger.Domain.Vocabulary.Snake(kind);

    private static string Money(Figure? figure) => figure is { } f ? Figure(f) : "";

    // ≥ at least, ≤ at most, ≈ about
    private static string Figure(Figure f) =>
        (f.Qualifier switch { Qualifier.AtLeast => "≥", Qualifier.AtMost => "≤", Qualifier.About => "≈", _ => "" })
        + (f.Value / 1.0000000000000000000000000000m).ToString("#,0.##", CultureInfo.InvariantCulture);

    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += rune.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
                or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000
                ? 2 : 1;
        return width;
    }
}
