using Ledger.Domain;
using Ledger.Storage;
using NUnit.Framework;

namespace Ledger.Tests.Storage;

/// <summary>A SQLite ledger copied into each store and back: documents, history, names, corrections and every total.</summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public class MigrationTests(StoreKind store)
{
    [Test]
    public void A_ledger_copied_into_another_store_has_the_same_documents_history_decisions_corrections_and_totals()
    {
        using var original = new TemporaryLedger(StoreKind.Sqlite);
        original.IngestSeeds();
        original.Ingestion.Ingest("notice.txt", "2020年第1期\n\n某公司向医院捐款10万元。");
        original.Ingestion.Ingest("notice.txt", "2020年第1期\n\n某公司向医院捐款12万元。");
        var donation = new Donations(original.Database).Find(new DonationQuery { Text = "某公司" }).Donations.Single().Id;
        new Corrections(original.Database).Add(donation, "cash", 125000m, "auditor Li", "the bank receipt");
        new Organizations(original.Database).Split("哈医大一院", "auditor Li", "a hospital of its own here");
        using var copy = new TemporaryLedger(store);

        var report = Migration.Copy(original.Database, copy.Database);

        Assert.Multiple(() =>
        {
            Assert.That(report.Differences, Is.Empty);
            Assert.That(report.Rows.Single(r => r.Table == "documents").Rows, Is.EqualTo(7), "five seeds, a notice and its earlier version");
            Assert.That(new Sources(copy.Database).List(withHistory: true).Select(d => (d.Name, d.ReplacedBy is null)),
                Is.EqualTo(new Sources(original.Database).List(withHistory: true).Select(d => (d.Name, d.ReplacedBy is null))));
            Assert.That(new Corrections(copy.Database).Of(donation).Single().Who, Is.EqualTo("auditor Li"));
            Assert.That(copy.Totals.By(TotalsGroup.Donor, new TotalsFilter { Organization = DonorOf(copy, donation) }).Single().Cash,
                Is.EqualTo(new Sum(125000m, Qualifier.Exact)));
            Assert.That(copy.Database.Revision(), Is.EqualTo(original.Database.Revision()));
        });
    }

    [Test]
    public void A_copy_goes_on_as_a_ledger_of_its_own_and_copies_back_whole()
    {
        using var original = new TemporaryLedger(StoreKind.Sqlite);
        original.IngestSeeds();
        using var copy = new TemporaryLedger(store);
        Migration.Copy(original.Database, copy.Database);

        // New rows are numbered after the copied ones, on every table.
        var added = copy.Ingestion.Ingest("later.txt", "2020年第2期\n\n赵国良再次向哈尔滨市慈善总会捐款3万元。");
        new Corrections(copy.Database).Add(new Donations(copy.Database).Find(new DonationQuery { Text = "再次" }).Donations.Single().Id,
            "cash", 40000m, "auditor Li", "the receipt");
        using var back = new TemporaryLedger(StoreKind.Sqlite);
        var report = Migration.Copy(copy.Database, back.Database);

        Assert.That(added.Outcome, Is.EqualTo(IngestOutcome.New));
        Assert.That(added.DocumentId, Is.EqualTo(6));
        Assert.That(report.Differences, Is.Empty);
        Assert.That(Migration.Differences(original.Database, back.Database), Is.Not.Empty, "the later gift is in the copy, not in the original");
    }

    [Test]
    public void A_ledger_that_already_holds_documents_is_not_copied_into()
    {
        using var original = new TemporaryLedger(StoreKind.Sqlite);
        original.IngestSeeds();
        using var filled = new TemporaryLedger(store);
        filled.Ingestion.Ingest("own.txt", "2020年第1期\n\n某公司向医院捐款10万元。");

        var error = Assert.Throws<InvalidOperationException>(() => Migration.Copy(original.Database, filled.Database));

        Assert.That(error!.Message, Does.Contain("already holds documents"));
        Assert.That(new Sources(filled.Database).List().Select(d => d.Name), Is.EqualTo(new[] { "own.txt" }));
    }

    private static long DonorOf(TemporaryLedger ledger, long donation) => new Donations(ledger.Database).Get(donation)!.Donation.Donor.Id;
}
