using Ledger.Domain;
using Ledger.Storage;
using NUnit.Framework;

namespace Ledger.Tests.Storage;

/// <summary>
/// The ledger's rules over memory (<see cref="MemoryLedger"/>): what they decide on the real reports
/// with no database, and the stored ledger, on each store, held to the same answers.
/// </summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public class MemoryLedgerTests(StoreKind store)
{
    private static IEnumerable<(string Name, string Text)> Reports() =>
        Seeds.Files.Concat(Directory.GetFiles(Corpus.Folder, "*.txt").OrderBy(Path.GetFileName, StringComparer.Ordinal))
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    [Test]
    public void In_memory_a_gift_reported_in_two_places_counts_once_and_Zhao_Guoliang_gave_goods_worth_fifty_thousand()
    {
        var memory = new MemoryLedger();
        foreach (var file in Seeds.Files) memory.Ingest(Path.GetFileName(file), File.ReadAllText(file));

        var totals = memory.TotalsByDonor();
        var wu = totals.Single(t => t.Name == "吴庆和");
        Assert.Multiple(() =>
        {
            Assert.That(wu.Cash, Is.EqualTo(new Sum(2_000_000m, Qualifier.Exact)), "itemised gifts");
            Assert.That(wu.ReportedCash, Is.EqualTo(new Sum(2_000_000m, Qualifier.Exact)), "the reported total, reported twice, once");
            Assert.That(totals.Single(t => t.Name == "赵国良").GoodsValue, Is.EqualTo(new Sum(50_000m, Qualifier.Exact)));
        });
    }

    [Test]
    public void The_stored_ledger_gives_every_giver_the_totals_the_rules_give_in_memory()
    {
        var memory = new MemoryLedger();
        using var ledger = new TemporaryLedger(store);
        foreach (var (name, text) in Reports())
        {
            var (created, joined) = memory.Ingest(name, text);
            var stored = ledger.Ingestion.Ingest(name, text);
            Assert.That((stored.NewDonations, stored.JoinedReports), Is.EqualTo((created, joined)), name);
        }

        var expected = memory.TotalsByDonor().Select(t => t with { Key = "" }).ToList();
        var actual = ledger.Totals.By(TotalsGroup.Donor).Select(t => t with { Key = "" }).ToList();

        Assert.That(actual, Has.Count.EqualTo(expected.Count).And.Count.GreaterThan(100));
        Assert.That(TotalsFormat.Json(actual), Is.EqualTo(TotalsFormat.Json(expected)));
    }
}
