using Ledger.Domain;
using System.CommandLine;
using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger totals --by donor|recipient|donor-kind|category|month|document --db LEDGER [--format table|json|csv] [filters]</summary>
internal static class TotalsCommand
{
    public static Command Command()
    {
        var by = Take.OneOf("--by", "what the totals are grouped by", ["donor", .. TotalsGroups.ByName.Keys.Where(name => name != "donor")]);
        var db = Take.Ledger();
        var format = Take.OneOf("--format", "an aligned table, JSON (as GET /totals answers) or CSV", "table", "json", "csv");
        var from = Take.Text("--from", "DATE", "the first gift date counted (yyyy-MM-dd)");
        var to = Take.Text("--to", "DATE", "the last gift date counted (yyyy-MM-dd)");
        var category = Take.Text("--category", "C", "gifts with an item of this category");
        var donorKind = Take.Text("--donor-kind", "K", "gifts from donors of this kind (person, company, …)");
        var document = Take.Text("--document", "NAME", "gifts read from this document");
        var donor = Take.Text("--donor", "ID|NAME", "gifts from this organization: its id or a name it is known by");
        var recipient = Take.Text("--recipient", "ID|NAME", "gifts to this organization, alone or shared: its id or a name it is known by");
        var command = Usage.Command("totals");
        foreach (var option in (Option[])[by, db, format, from, to, category, donorKind, document, donor, recipient]) command.Add(option);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(db), TotalsGroups.ByName[parsed.GetRequiredValue(by)], parsed.GetRequiredValue(format),
            new TotalsFilter
            {
                From = parsed.GetValue(from),
                To = parsed.GetValue(to),
                Category = parsed.GetValue(category),
                DonorKind = parsed.GetValue(donorKind),
                Document = parsed.GetValue(document),
            },
            parsed.GetValue(donor), parsed.GetValue(recipient), Console.Out, Console.Error));
        return command;
    }

    private static int Run(string db, TotalsGroup group, string format, TotalsFilter filter, string? giver, string? receiver, TextWriter output, TextWriter error)
    {
        if (LedgerFile.OpenExisting(db, error) is not { } database) return 2;

        var totals = new Totals(database);
        var organizations = new Organizations(database);
        long? donor = null, recipient = null;
        if (giver is not null && (donor = LedgerFile.Organization(organizations, giver, "ledger totals --donor", error)) is null) return 2;
        if (receiver is not null && (recipient = LedgerFile.Organization(organizations, receiver, "ledger totals --recipient", error)) is null) return 2;
        filter = filter with { Organization = donor, Recipient = recipient };
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
