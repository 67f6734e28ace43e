using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger totals --by donor|recipient|donor-kind|category|month|document --db LEDGER [--format table|json|csv] [filters]</summary>
internal static class TotalsCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, "by", "db", "format", "from", "to", "category", "donor-kind", "document", "donor", "recipient");
        if (options.Error is { } problem) return Usage.Fail(error, "totals", problem);
        if (options.Paths.Count > 0) return Usage.Fail(error, "totals", $"unexpected argument {options.Paths[0]}");
        if (options.Get("db") is not { } db) return Usage.Fail(error, "totals", "totals needs --db LEDGER");
        if (!LedgerFile.Exists(db, error)) return 2;
        var by = options.Get("by") ?? "donor";
        if (!TotalsGroups.ByName.TryGetValue(by, out var group)) return Usage.Fail(error, "totals", $"--by is one of {string.Join(", ", TotalsGroups.ByName.Keys)}, not '{by}'");
        var format = options.Get("format") ?? "table";
        if (format is not ("table" or "json" or "csv")) return Usage.Fail(error, "totals", $"--format is table, json or csv, not '{format}'");
        if (LedgerFile.Open(db, error) is not { } database) return 2;

        var totals = new Totals(database);
        var organizations = new Organizations(database);
        long? donor = null, recipient = null;
        if (options.Get("donor") is { } giver && (donor = LedgerFile.Organization(organizations, giver, "ledger totals --donor", error)) is null) return 2;
        if (options.Get("recipient") is { } receiver && (recipient = LedgerFile.Organization(organizations, receiver, "ledger totals --recipient", error)) is null) return 2;
        var filter = new TotalsFilter
        {
            Organization = donor,
            Recipient = recipient,
            From = options.Get("from"),
            To = options.Get("to"),
            Category = options.Get("category"),
            DonorKind = options.Get("donor-kind"),
            Document = options.Get("document"),
        };
        if (format == "json")
        {
            output.Flush();
            using var stdout = Console.OpenStandardOutput();
            totals.WriteJson(stdout, group, filter);
            stdout.WriteByte((byte)'\n');
            return 0;
        }
        if (format == "csv") output.Write(TotalsFormat.Csv(totals.By(group, filter)));
        else Tables.Write(output, TotalsFormat.TableHeaders, totals.By(group, filter).Select(TotalsFormat.TableCells));
        return 0;
    }
}
