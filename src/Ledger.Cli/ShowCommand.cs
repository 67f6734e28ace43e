using Ledger.Domain;
using System.CommandLine;
using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger show ORGANIZATION --db LEDGER: the page GET /organizations/{id or name} answers, for reading in a terminal.</summary>
internal static class ShowCommand
{
    // The sentence a gift was read from, cut for a table row; the whole of it is in the ledger.
    private const int SentenceShown = 80;

    public static Command Command()
    {
        var organization = new Argument<string>("ORGANIZATION") { Description = "its id, or a name it is known by" };
        var db = Take.Ledger();
        var command = Usage.Command("show");
        command.Add(organization);
        command.Add(db);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(organization), parsed.GetRequiredValue(db), Console.Out, Console.Error));
        return command;
    }

    private static int Run(string idOrName, string db, TextWriter output, TextWriter error)
    {
        if (LedgerFile.OpenExisting(db, error) is not { } database) return 2;
        var organizations = new Organizations(database);
        if (LedgerFile.Organization(organizations, idOrName, "ledger show", error) is not { } id) return 2;
        if (OrganizationView.Of(id, organizations, new Totals(database), new Donations(database)) is not { } page)
        {
            error.WriteLine($"ledger show: there is no organization {id}");
            return 2;
        }

        output.WriteLine($"{page.Name} ({page.Kind}, id {page.Id})");
        output.WriteLine("names: " + string.Join("; ", page.Names.Select(n => $"{n.Name} ({n.Reason})")));
        output.WriteLine();
        var totals = new[] { ("given", page.Given), ("received alone", page.Received) }.Where(t => t.Item2 is not null)
            .Select(t => (IReadOnlyList<string>)[t.Item1, .. TotalsFormat.TableCells(t.Item2!).Skip(1)])
            .Concat(page.ReceivedShared.Select(shared => (IReadOnlyList<string>)["received with others: " + shared.Name, .. TotalsFormat.TableCells(shared).Skip(1)]))
            .ToList();
        if (totals.Count > 0) Tables.Write(output, ["", .. TotalsFormat.TableHeaders.Skip(1)], totals);
        Section(output, "gifts", page.Gifts, withGiver: false);
        Section(output, "reported totals (never added to the gifts)", page.ReportedTotals, withGiver: false);
        Section(output, "gifts received", page.GiftsReceived, withGiver: true);
        return 0;
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<DonationSummary> donations, bool withGiver)
    {
        if (donations.Count == 0) return;
        output.WriteLine();
        output.WriteLine($"{title}: {donations.Count}");
        string[] headers = withGiver
            ? ["donation", "date", "giver", "cash", "goods", "combined", "items", "sentence"]
            : ["donation", "date", "cash", "goods", "combined", "receivers", "items", "sentence"];
        Tables.Write(output, headers, donations.Select(d => (IReadOnlyList<string>)(withGiver
            ? [d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Date ?? d.Month ?? "", d.Donor.Name, Money(d.Cash), Money(d.GoodsValue), Money(d.Combined), Items(d), Sentence(d)]
            : [d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Date ?? d.Month ?? "", Money(d.Cash), Money(d.GoodsValue), Money(d.Combined),
                string.Join("、", d.Recipients.Select(r => r.Name)), Items(d), Sentence(d)])));
    }

    private static string Money(Amount? amount) => amount is null ? "" : TotalsFormat.Shown(amount.Yuan, amount.Qualifier);

    private static string Items(DonationSummary donation) =>
        string.Join("、", donation.Items.Select(i => i.Quantity is { } q ? $"{i.Category} {TotalsFormat.Shown(q, i.Qualifier)}{i.Unit}" : i.Category));

    private static string Sentence(DonationSummary donation) =>
        donation.Sentence.Length <= SentenceShown ? donation.Sentence : donation.Sentence[..SentenceShown] + "…";
}
