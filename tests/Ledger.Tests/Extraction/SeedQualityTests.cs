using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Extraction.Scoring;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

/// <summary>
/// The extractor against the hand-checked gold records of the seeds, scored as the reference
/// scorer scores them. The bars: precision, recall, donor and each figure's accuracy at least 0.95.
/// </summary>
public class SeedQualityTests
{
    private const double Bar = 0.95;

    private static ExtractionScore Score() => GoldScoring.Score(Seeds.GoldFile, Seeds.Records, Seeds.Files);

    [Test]
    public void Seeds_are_extracted_at_gold_standard_quality()
    {
        var score = Score();
        TestContext.Out.WriteLine(score.Report(20));

        Assert.Multiple(() =>
        {
            Assert.That(score.Precision, Is.GreaterThanOrEqualTo(Bar), "precision");
            Assert.That(score.Recall, Is.GreaterThanOrEqualTo(Bar), "recall");
            Assert.That(score.Accuracy("donor"), Is.GreaterThanOrEqualTo(Bar), "donor accuracy");
            foreach (var figure in (string[])["cash_cny", "goods_value_cny", "combined_cny"])
                Assert.That(score.Accuracy(figure), Is.GreaterThanOrEqualTo(Bar), figure + " accuracy");
        });
    }

    [Test]
    public void Zhao_Guoliang_gave_goods_worth_50000_yuan_to_the_first_four_Harbin_medical_university_hospitals()
    {
        var gift = Seeds.Records.Single(r => r.Donor == "赵国良" && r.GoodsValue is not null);

        Assert.Multiple(() =>
        {
            Assert.That(gift.GoodsValue, Is.EqualTo(Figure.Exact(50000)));
            Assert.That(gift.Line, Is.EqualTo(379));
            Assert.That(gift.Recipients, Is.SupersetOf(new[] { "哈医大一院", "哈医大二院", "哈医大三院", "哈医大四院" }));
            Assert.That(gift.Items.Select(i => i.Category), Is.EqualTo(new[] { ItemCategory.Goggles, ItemCategory.Disinfectant, ItemCategory.Alcohol }));
        });
    }

    [Test]
    public void The_Russian_masks_are_the_gift_of_the_governments_that_gave_them_not_of_the_member_who_arranged_it()
    {
        var masks = Seeds.Records.Single(r => r.Items.Any(i => i.Category == ItemCategory.Mask && i.Quantity?.Value == 35000m));

        Assert.That(masks.Donor, Does.Contain("阿穆尔州政府"));
        Assert.That(masks.DonorKind, Is.EqualTo(DonorKind.Foreign));
        Assert.That(masks.Date, Is.EqualTo(new DateOnly(2020, 2, 1)));
    }

    [Test]
    public void A_total_over_many_givers_keeps_its_bound_and_its_part()
    {
        var year = Seeds.Records.Where(r => r.Doc.StartsWith("000") && r.Line == 401).ToList();

        Assert.That(year.Select(r => (r.Cash, r.GoodsValue, r.Aggregate)), Is.EquivalentTo(new (Figure?, Figure?, bool)[]
        {
            (new Figure(30_000_000m, Qualifier.AtLeast, 30_000_000m, 30_000_000m), null, true),
            (Figure.Exact(12_572_800m), null, true),
            (null, new Figure(18_250_000m, Qualifier.AtLeast, 18_250_000m, 18_250_000m), true),
        }));
    }

    [Test]
    public void Each_of_three_members_who_each_bought_1000_masks_is_a_giver_of_their_own()
    {
        var masks = Seeds.Records.Where(r => r.Line == 883 && r.Items.Any(i => i.Quantity?.Value == 1000m)).Select(r => r.Donor);

        Assert.That(masks, Is.EquivalentTo(new[] { "吕晶", "英炜", "许前进" }));
    }

    [Test]
    public void The_traditional_bulletin_and_the_volunteer_report_state_no_gift() =>
        Assert.That(Seeds.Records.Where(r => r.Doc.StartsWith("002") || r.Doc.StartsWith("004")), Is.Empty);
}
