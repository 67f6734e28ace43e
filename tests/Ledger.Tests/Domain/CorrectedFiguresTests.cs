using Ledger.Domain;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>What a donation's figures read after its corrections: the rule alone, with no database.</summary>
public class CorrectedFiguresTests
{
    // 某公司向医院捐款10万元,并捐赠口罩价值5万元。
    private static readonly GiftFigures CashAndGoods = new(10_000_000, 5_000_000, null);

    private static FigureCorrection Set(string field, decimal yuan) => new(field, CorrectedFigures.Fen(yuan));

    private static FigureCorrection Remove(string field) => new(field, null);

    [Test]
    public void With_no_correction_a_donation_reads_its_original_figures()
    {
        Assert.That(CorrectedFigures.Of(CashAndGoods, []), Is.EqualTo(CashAndGoods));
    }

    [Test]
    public void The_latest_correction_of_a_field_wins_and_the_other_fields_keep_their_figures()
    {
        var now = CorrectedFigures.Of(CashAndGoods, [Set("cash", 12_000m), Set("cash", 120_000m)]);

        Assert.That(now, Is.EqualTo(new GiftFigures(12_000_000, 5_000_000, null)), "cash 12万 (the typo 1.2万 corrected again), goods 5万 untouched");
    }

    [Test]
    public void A_correction_to_no_figure_removes_it_and_a_later_one_brings_a_figure_back()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CorrectedFigures.Of(CashAndGoods, [Remove("cash")]), Is.EqualTo(new GiftFigures(null, 5_000_000, null)));
            Assert.That(CorrectedFigures.Of(CashAndGoods, [Remove("cash"), Set("cash", 80_000m)]), Is.EqualTo(new GiftFigures(8_000_000, 5_000_000, null)));
            Assert.That(CorrectedFigures.Of(CashAndGoods, [Set("cash", 80_000m), Remove("cash")]), Is.EqualTo(new GiftFigures(null, 5_000_000, null)));
        });
    }

    [Test]
    public void A_figure_the_report_did_not_give_can_be_given_by_a_correction()
    {
        var now = CorrectedFigures.Of(CashAndGoods, [Set("combined", 150_000m), Remove("goods_value")]);

        Assert.That(now, Is.EqualTo(new GiftFigures(10_000_000, null, 15_000_000)));
    }

    [Test]
    public void A_corrected_figure_is_kept_in_whole_fen()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CorrectedFigures.Fen(1234.565m), Is.EqualTo(123_457L), "half a fen rounds away from zero");
            Assert.That(CorrectedFigures.Fen(120_000m), Is.EqualTo(12_000_000L));
            Assert.That(CorrectedFigures.Fen(null), Is.Null);
        });
    }

    [TestCase("cash", 120_000d, "auditor Li", "the bank receipt", null)]
    [TestCase("combined", null, "auditor Li", "the report gave no combined figure", null)]
    [TestCase("donor", 120_000d, "auditor Li", "the bank receipt", "'donor' is not a field that can be corrected (cash, goods_value, combined)")]
    [TestCase("cash", -5d, "auditor Li", "the bank receipt", "-5 yuan is no amount of one gift (0 to 1000000000000)")]
    [TestCase("cash", 2e12, "auditor Li", "the bank receipt", "2000000000000 yuan is no amount of one gift (0 to 1000000000000)")]
    [TestCase("cash", 120_000d, " ", "the bank receipt", "a correction says who made it and why")]
    [TestCase("goods_value", 120_000d, "auditor Li", "", "a correction says who made it and why")]
    public void A_correction_names_a_figure_any_gift_can_be_and_says_who_made_it_and_why(string field, double? yuan, string who, string why, string? refusal)
    {
        Assert.That(CorrectedFigures.Refusal(field, (decimal?)yuan, who, why), Is.EqualTo(refusal));
    }
}
