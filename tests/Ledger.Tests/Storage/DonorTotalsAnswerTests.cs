using Ledger.Domain;
using Dapper;
using Ledger.Storage;
using NUnit.Framework;

namespace Ledger.Tests.Storage;

/// <summary>The kept answer of totals by donor, brought up to date write by write, is always the answer read afresh.</summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class DonorTotalsAnswerTests(StoreKind store)
{
    private static string Fresh(TemporaryLedger ledger) => TotalsFormat.Json(ledger.Totals.By(TotalsGroup.Donor));

    [Test]
    public void After_each_kind_of_write_the_kept_answer_is_the_fresh_one()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(Fresh(ledger)));

        // Corrections move one giver: Wu Qinghe's gifts made 1 yuan each put someone else first.
        using (var connection = ledger.Database.Connect())
        {
            foreach (var gift in connection.Query<long>("""
                         SELECT d.id FROM donations d JOIN organizations o ON o.id = d.donor_id
                         WHERE o.name = '吴庆和' AND d.aggregate = 0
                         """).ToList())
                new Corrections(ledger.Database).Add(gift, "cash", 1m, "auditor Li", "test: a giver moves down the order");
        }
        var afterCorrection = ledger.Totals.Json(TotalsGroup.Donor);
        Assert.That(afterCorrection, Is.EqualTo(Fresh(ledger)));
        Assert.That(afterCorrection.IndexOf("吴庆和", StringComparison.Ordinal), Is.GreaterThan(afterCorrection.IndexOf("天兆企业", StringComparison.Ordinal)));

        // A new document adds a giver; a changed version of it replaces the gift.
        ledger.Ingestion.Ingest("notice.txt", "抗疫捐赠公告\n黑龙江龙江建筑有限公司捐赠现金120万元。\n", 2020);
        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(Fresh(ledger)).And.Contain("黑龙江龙江建筑有限公司"));
        ledger.Ingestion.Ingest("notice.txt", "抗疫捐赠公告\n黑龙江龙江建筑有限公司捐赠现金12万元。\n", 2020);
        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(Fresh(ledger)));

        // A person's decision merges two givers into one.
        new Organizations(ledger.Database).Alias("天兆企业", "吴庆和", "auditor Li", "test: a merge removes a giver");
        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(Fresh(ledger)));
    }

    [Test]
    public void An_answer_older_than_the_change_log_is_read_again_whole()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        ledger.Totals.Json(TotalsGroup.Donor);

        ledger.Ingestion.Ingest("notice.txt", "抗疫捐赠公告\n黑龙江龙江建筑有限公司捐赠现金120万元。\n", 2020);
        // As if the log had been pruned past the kept revision.
        using (var connection = ledger.Database.Connect())
            connection.Execute("DELETE FROM donor_totals_changes; UPDATE ledger_state SET changes_from = revision");

        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(Fresh(ledger)).And.Contain("黑龙江龙江建筑有限公司"));
    }

    [Test]
    public void Another_process_writing_is_seen_at_the_next_read()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        ledger.Totals.Json(TotalsGroup.Donor);

        var notice = Path.Combine(ledger.Folder, "notice.txt");
        File.WriteAllText(notice, "抗疫捐赠公告\n黑龙江龙江建筑有限公司捐赠现金120万元。\n");
        var ingest = Cli.LedgerCli.Run("ingest", notice, "--db", ledger.Setting, "--year", "2020");

        Assert.That(ingest.ExitCode, Is.EqualTo(0), ingest.Error);
        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(Fresh(ledger)).And.Contain("黑龙江龙江建筑有限公司"));
    }
}
