using Ledger.Domain;
using Ledger.Storage;
using NUnit.Framework;

namespace Ledger.Tests.Storage;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public class CorrectionsAndNamesTests(StoreKind store)
{
    [Test]
    public void A_correction_changes_the_totals_and_keeps_the_original_and_its_history()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("r.txt", "2020年第1期\n\n某公司向医院捐款10万元。");
        var donation = DonationOf(ledger, "某公司");
        var corrections = new Corrections(ledger.Database);

        var first = corrections.Add(donation, "cash", 12000m, "auditor Li", "the bank receipt shows 12,000 yuan");
        corrections.Add(donation, "cash", 120000m, "auditor Li", "typo in the previous correction");

        Assert.Multiple(() =>
        {
            Assert.That((first as CorrectionOutcome.Corrected)?.Correction.Yuan, Is.EqualTo(12000m));
            Assert.That(ledger.Totals.By(TotalsGroup.Donor).Single().Cash, Is.EqualTo(new Sum(120000m, Qualifier.Exact)));
            Assert.That(corrections.Of(donation).Select(c => (c.Field, c.Yuan, c.Who)), Is.EqualTo(new[]
            {
                ("cash", (decimal?)12000m, "auditor Li"), ("cash", 120000m, "auditor Li"),
            }));
            using var connection = ledger.Database.Connect();
            Assert.That(Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT cash_fen FROM donations WHERE id = @donation", new { donation }), Is.EqualTo(10_000_000L));
        });
    }

    [Test]
    public void A_correction_to_no_figure_removes_it_from_every_total_and_a_later_one_brings_a_figure_back()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("r.txt", "2020年第1期\n\n某公司向医院捐款10万元,并捐赠口罩价值5万元。");
        var donation = DonationOf(ledger, "某公司");
        var corrections = new Corrections(ledger.Database);

        corrections.Add(donation, "cash", null, "auditor Li", "the cash was never paid");
        var removed = ledger.Totals.By(TotalsGroup.Donor).Single();
        corrections.Add(donation, "cash", 80000m, "auditor Li", "80,000 yuan arrived later");
        var restored = ledger.Totals.By(TotalsGroup.Donor).Single();

        Assert.Multiple(() =>
        {
            Assert.That(removed.Cash, Is.Null);
            Assert.That(removed.GoodsValue, Is.EqualTo(new Sum(50000m, Qualifier.Exact)));
            Assert.That(restored.Cash, Is.EqualTo(new Sum(80000m, Qualifier.Exact)));
            Assert.That(corrections.Of(donation).Select(c => c.Yuan), Is.EqualTo(new decimal?[] { null, 80000m }));
        });
    }

    [Test]
    public void A_correction_needs_a_known_donation_a_known_field_and_a_reason()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("r.txt", "2020年第1期\n\n某公司向医院捐款10万元。");
        var corrections = new Corrections(ledger.Database);
        var donation = DonationOf(ledger, "某公司");

        Assert.Multiple(() =>
        {
            Assert.That(corrections.Add(999, "cash", 1m, "a", "b"), Is.EqualTo(new CorrectionOutcome.NoSuchDonation()));
            Assert.That(corrections.Add(donation, "donor", 1m, "a", "b"),
                Is.EqualTo(new CorrectionOutcome.Refused("'donor' is not a field that can be corrected (cash, goods_value, combined)")));
            Assert.That(corrections.Add(donation, "cash", 1m, "a", " "), Is.EqualTo(new CorrectionOutcome.Refused("a correction says who made it and why")));
            Assert.That(corrections.Of(donation), Is.Empty);
        });
    }

    [Test]
    public void A_persons_alias_wins_over_the_rules_now_and_for_later_reports()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("a.txt", "2020年第1期\n\n哈尔滨禧龙国际商贸物流园区向市红十字会捐款100万元。");
        ledger.Ingestion.Ingest("b.txt", "2020年第1期\n\n禧龙园区向道外区卫生健康局捐款50万元。");
        var organizations = new Organizations(ledger.Database);

        var park = organizations.Alias("禧龙园区", "哈尔滨禧龙国际商贸物流园区", "auditor Li", "the park's own short name");
        ledger.Ingestion.Ingest("c.txt", "2020年第1期\n\n禧龙园区向医院捐款20万元。");

        var totals = ledger.Totals.By(TotalsGroup.Donor);
        Assert.That(totals.Select(t => (t.Name, t.Cash?.Yuan)), Is.EqualTo(new[] { ("哈尔滨禧龙国际商贸物流园区", (decimal?)1_700_000m) }));
        Assert.That((park as DecisionOutcome.Decided)?.Organization.Names.Single(n => n.Name == "禧龙园区").Reason, Does.Contain("auditor Li"));
    }

    [Test]
    public void A_decision_on_a_name_needs_an_organization_to_join_and_says_who_made_it_and_why()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("a.txt", "2020年第1期\n\n哈尔滨禧龙国际商贸物流园区向市红十字会捐款100万元。");
        var organizations = new Organizations(ledger.Database);
        var before = organizations.Search(null, limit: Organizations.MaximumLimit);

        Assert.Multiple(() =>
        {
            Assert.That(organizations.Alias("禧龙园区", "无此园区", "auditor Li", "the park's own short name"),
                Is.EqualTo(new DecisionOutcome.NoSuchOrganization("无此园区")));
            Assert.That(organizations.Alias("禧龙园区", "哈尔滨禧龙国际商贸物流园区", "auditor Li", " "),
                Is.EqualTo(new DecisionOutcome.Refused("a decision says who made it and why")));
            Assert.That(organizations.Split("禧龙园区", "", "another park"), Is.EqualTo(new DecisionOutcome.Refused("a decision says who made it and why")));
            Assert.That(organizations.Search(null, limit: Organizations.MaximumLimit), Is.EqualTo(before));
            Assert.That(organizations.Named("禧龙园区"), Is.Null);
        });
    }

    [Test]
    public void A_persons_split_separates_a_name_the_rules_had_merged()
    {
        using var ledger = new TemporaryLedger(store);
        const string city = "哈尔滨市各区积极行动,哈尔滨市民踊跃参与,哈尔滨市委部署。\n\n";
        ledger.Ingestion.Ingest("a.txt", city + "某公司向哈尔滨市第一医院捐款10万元。");
        ledger.Ingestion.Ingest("b.txt", city + "另一公司向市第一医院捐款5万元。");
        Assert.That(ledger.Totals.By(TotalsGroup.Recipient), Has.Count.EqualTo(1));

        new Organizations(ledger.Database).Split("市第一医院", "auditor Li", "another city's hospital");

        Assert.That(ledger.Totals.By(TotalsGroup.Recipient).Select(t => t.Name), Is.EquivalentTo(new[] { "哈尔滨市第一医院", "市第一医院" }));
    }

    [Test]
    public void The_audit_shows_a_reported_total_beside_the_gifts_it_covers()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        var wu = new Audit(ledger.Database).TotalsAgainstGifts().Single(t => t.Donor == "吴庆和");

        Assert.That((wu.ReportedYuan, wu.ItemisedYuan, wu.Difference), Is.EqualTo((2_000_000m, 2_000_000m, 0m)));
    }

    [Test]
    public void The_audit_reads_the_gifts_as_corrected()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        var audit = new Audit(ledger.Database);
        var gift = new Donations(ledger.Database).Find(new DonationQuery { Aggregate = false, Limit = 500 }).Donations
            .First(d => d.Donor.Name == "吴庆和" && d.Cash is not null);

        new Corrections(ledger.Database).Add(gift.Id, "cash", gift.Cash!.Yuan - 100_000m, "auditor Li", "the receipt is 100,000 yuan less");
        var wu = audit.TotalsAgainstGifts().Single(t => t.Donor == "吴庆和");

        Assert.That((wu.ReportedYuan, wu.ItemisedYuan, wu.Difference), Is.EqualTo((2_000_000m, 1_900_000m, 100_000m)));
    }

    [Test]
    public void The_audit_lists_repeated_reports_with_why_they_were_joined()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        var repeated = new Audit(ledger.Database).RepeatedReports();

        var wu = repeated.Single(r => r.Donor == "吴庆和");
        Assert.That(wu.Reports, Has.Count.EqualTo(2));
        Assert.That(wu.Reports[1].Why, Does.Contain("same giver").And.Contain("2000000"));
    }

    private static long DonationOf(TemporaryLedger ledger, string donor)
    {
        using var connection = ledger.Database.Connect();
        return Dapper.SqlMapper.ExecuteScalar<long>(connection,
            "SELECT d.id FROM donations d JOIN organizations o ON o.id = d.donor_id WHERE o.name = @donor", new { donor });
    }
}
