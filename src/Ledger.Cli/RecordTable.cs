using System.Globalization;
using Ledger.Domain;

namespace Ledger.Cli;

/// <summary>Records as a table for reading in a terminal (see <see cref="Tables"/>).</summary>
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
        Tables.Write(output, Header, rows.Skip(1));
        output.WriteLine($"{records.Count} records");
    }

    private static string RecordJsonKind(DonorKind kind) => Ledger.Domain.Vocabulary.Snake(kind);

    private static string Money(Figure? figure) => figure is { } f ? Figure(f) : "";

    private static string Figure(Figure f) => Ledger.Domain.TotalsFormat.Shown(f.Value, f.Qualifier);
}
