using Dapper;
using Ledger.Domain;
using Ledger.Storage;
using NUnit.Framework;

namespace Ledger.Tests.Storage;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public class ReextractionTests(StoreKind store)
{
    [Test]
    public void Stored_documents_read_again_with_the_same_rules_change_nothing()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        Assert.That(new Reextraction(ledger.Database).Plan(), Is.Empty);
    }

    [Test]
    public void A_newer_extractor_first_shows_what_would_change_and_applies_it_only_when_asked()
    {
        using var ledger = new TemporaryLedger(store);
        const string text = "2020年第1期\n\n某公司向医院捐款10万元。\n\n张某捐款500元。";
        ledger.Ingestion.Ingest("r.txt", text);
        // Simulate records written by an older extractor: the 500-yuan gift was never read.
        using (var connection = ledger.Database.Connect())
        {
            connection.Execute("UPDATE records SET retired_at = 'older' WHERE donor = '张某'");
            connection.Execute("UPDATE donations SET sources = 0 WHERE donor_id = (SELECT id FROM organizations WHERE name = '张某')");
            using var transaction = connection.BeginTransaction();
            DonorTotals.RefreshAll(connection, transaction);
            transaction.Commit();
        }
        var reextraction = new Reextraction(ledger.Database);

        var plan = reextraction.Plan();
        Assert.That(plan.Single().Added.Select(r => (r.Line, r.Donor, r.Figures)), Is.EqualTo(new[] { (5, (string?)"张某", "cash 500") }));
        Assert.That(plan.Single().Added.Single().Evidence, Is.EqualTo("张某捐款500元。"));
        Assert.That(ledger.Totals.By(TotalsGroup.Donor).Select(t => t.Name), Is.EqualTo(new[] { "某公司" }), "nothing changes before it is applied");

        reextraction.Apply();

        Assert.That(ledger.Totals.By(TotalsGroup.Donor).Select(t => (t.Name, t.Cash)), Is.EquivalentTo(new (string, Sum?)[]
        {
            ("某公司", new Sum(100000m, Qualifier.Exact)), ("张某", new Sum(500m, Qualifier.Exact)),
        }));
        Assert.That(reextraction.Plan(), Is.Empty);
        using var check = ledger.Database.Connect();
        Assert.That(check.ExecuteScalar<long>("SELECT count(*) FROM records WHERE retired_at IS NOT NULL"), Is.GreaterThanOrEqualTo(2), "retired records stay stored");
    }
}
