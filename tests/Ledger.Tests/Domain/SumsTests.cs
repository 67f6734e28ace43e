using Ledger.Domain;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>How a giver's totals grow gift by gift, as the ledger keeps them with every write: the rule alone, with no database.</summary>
public class SumsTests
{
    private static readonly TotalsRow Nothing = Sums.Empty("7", "哈尔滨建筑有限公司");

    private static CountedGift Cash(long yuan, Qualifier qualifier = Qualifier.Exact, bool reportedTotal = false) =>
        new(reportedTotal, yuan * 100, qualifier, null, Qualifier.Exact, null, Qualifier.Exact, []);

    private static CountedGift Goods(long yuan, params (string Category, string Unit, decimal Quantity)[] items) =>
        new(false, null, Qualifier.Exact, yuan * 100, Qualifier.Exact, null, Qualifier.Exact,
            items.Select(i => (i.Category, i.Unit, (decimal?)i.Quantity, Qualifier.Exact)).ToList());

    [Test]
    public void Gifts_add_up_and_a_bound_makes_the_sum_a_bound()
    {
        var row = Sums.Plus(Nothing, [Cash(500_000), Cash(100_000, Qualifier.AtLeast)]);

        Assert.That(row.Cash, Is.EqualTo(new Sum(600_000m, Qualifier.AtLeast)), "50万 and 10余万 are at least 60万");
        Assert.That((row.Donations, row.Sources), Is.EqualTo((2, 2)));
    }

    [Test]
    public void Parts_that_pull_different_ways_make_an_approximate_sum()
    {
        var row = Sums.Plus(Nothing, [Cash(1_000_000, Qualifier.AtLeast), Cash(30_000, Qualifier.AtMost), Cash(5_000)]);

        Assert.That(row.Cash, Is.EqualTo(new Sum(1_035_000m, Qualifier.About)), "余100万 and 近3万 together are about 103.5万");
    }

    [Test]
    public void A_reported_total_is_kept_apart_and_never_added_to_the_gifts()
    {
        var row = Sums.Plus(Nothing, [Cash(4_680_000), Cash(4_660_000, reportedTotal: true)]);

        Assert.Multiple(() =>
        {
            Assert.That(row.Cash, Is.EqualTo(new Sum(4_680_000m, Qualifier.Exact)));
            Assert.That(row.ReportedCash, Is.EqualTo(new Sum(4_660_000m, Qualifier.Exact)));
            Assert.That((row.Donations, row.ReportedTotals, row.Sources), Is.EqualTo((1, 1, 2)));
        });
    }

    [Test]
    public void One_more_report_of_a_counted_gift_is_one_more_source_and_nothing_more_given()
    {
        var row = Sums.Plus(Sums.Plus(Nothing, Cash(2_000_000)), [null]);

        Assert.That((row.Cash, row.Donations, row.Sources), Is.EqualTo((new Sum(2_000_000m, Qualifier.Exact), 1, 2)));
    }

    [Test]
    public void Goods_of_one_kind_add_up_and_a_gift_counts_once_a_kind()
    {
        var row = Sums.Plus(Nothing,
        [
            Goods(100_000, ("masks", "只", 35_000m), ("masks", "只", 5_000m), ("protective_suits", "套", 370m)),
            Goods(20_000, ("masks", "只", 10_000m)),
        ]);

        Assert.That(row.Items, Is.EqualTo(new[]
        {
            new ItemTotal("masks", "只", 50_000m, Qualifier.Exact, 2),
            new ItemTotal("protective_suits", "套", 370m, Qualifier.Exact, 1),
        }), "kinds in order of category, then unit");
        Assert.That(row.GoodsValue, Is.EqualTo(new Sum(120_000m, Qualifier.Exact)));
    }

    [Test]
    public void Adding_gifts_one_at_a_time_or_all_at_once_gives_the_same_totals()
    {
        CountedGift?[] gifts =
        [
            Goods(50_000, ("goggles", "副", 200m)), Cash(300_000, Qualifier.AtLeast), null, Cash(1_000_000, reportedTotal: true),
            Goods(8_000, ("protective_suits", "套", 40m), ("goggles", "副", 10m)), Cash(12_345),
        ];

        var oneByOne = gifts.Aggregate(Nothing, (row, gift) => Sums.Plus(row, [gift]));
        var together = Sums.Plus(Nothing, gifts);

        Assert.That(together with { Items = [] }, Is.EqualTo(oneByOne with { Items = [] }));
        Assert.That(together.Items, Is.EqualTo(oneByOne.Items));
        Assert.That(together.Items.Select(i => i.Category), Is.EqualTo(new[] { "goggles", "protective_suits" }));
    }

    [Test]
    public void A_donation_counted_afresh_counts_once_with_a_source_for_each_of_its_reports()
    {
        var row = Sums.Plus(Nothing, new[] { (Cash(500_000), 2), (Cash(100_000), 1), (Cash(4_660_000, reportedTotal: true), 1) }
            .SelectMany(d => Sums.Reported(d.Item1, d.Item2)));

        Assert.That((row.Cash, row.ReportedCash, row.Donations, row.ReportedTotals, row.Sources),
            Is.EqualTo((new Sum(600_000m, Qualifier.Exact), new Sum(4_660_000m, Qualifier.Exact), 2, 1, 4)),
            "50万 in two reports and 10万 in one: 60万 in two donations; the reported total beside them; four reports");
    }
}
