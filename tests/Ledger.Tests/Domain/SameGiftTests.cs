using Ledger.Domain;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>
/// When a second report of a giver states a gift the ledger holds: the rule alone, over gifts read
/// from sentences, with no database.
/// </summary>
public class SameGiftTests
{
    private const long FirstHospital = 1, RedCross = 2;

    // A report as the extractor reads it: one sentence under a title line, in 2020.
    private static DonationRecord Read(string sentence) =>
        DonationExtractor.Default.Extract("捐赠通报\n\n" + sentence, "report.txt", new ExtractionOptions { Year = 2020 }).Single();

    private static HeldGift Held(string sentence, params long[] recipients)
    {
        var record = Read(sentence);
        var held = new HeldGift
        {
            CashFen = Fen(record.Cash), GoodsFen = Fen(record.GoodsValue), CombinedFen = Fen(record.Combined),
            GiftDate = record.Date?.ToString("yyyy-MM-dd"),
        };
        held.Items.AddRange(record.Items.Select(i => (Vocabulary.Snake(i.Category), i.Quantity?.Value)));
        held.Recipients.UnionWith(recipients);
        return held;
    }

    private static string? Why(HeldGift held, string sentence, params long[] recipients)
    {
        var record = Read(sentence);
        return SameGift.Why(held, Fen(record.Cash), Fen(record.GoodsValue), Fen(record.Combined), record.Date?.ToString("yyyy-MM-dd"), record.Items, recipients);
    }

    private static long? Fen(Figure? figure) => figure is { } f ? (long)(f.Value * 100m) : null;

    [Test]
    public void The_same_cash_reported_again_is_one_gift_and_the_reason_says_what_agreed()
    {
        var held = Held("2月3日，哈尔滨银行向哈尔滨市慈善总会捐款200万元。", FirstHospital);

        Assert.That(Why(held, "哈尔滨银行捐款200万元，支持疫情防控。"), Is.EqualTo("same giver, cash 2000000 yuan agrees"));
        Assert.That(Why(held, "2月3日，哈尔滨银行捐款200万元。", FirstHospital), Is.EqualTo("same giver, cash 2000000 yuan agrees, same date 2020-02-03"));
    }

    [Test]
    public void Figures_within_half_a_percent_agree_as_the_scorer_counts_them()
    {
        var held = Held("某公司捐款25.55万元。");

        Assert.That(Why(held, "某公司捐款25.6万元。"), Does.StartWith("same giver, cash 256000"));
        Assert.That(Why(held, "某公司捐款26万元。"), Is.Null);
    }

    [TestCase("哈尔滨银行捐款100万元。", TestName = "another figure")]
    [TestCase("2月5日，哈尔滨银行捐款200万元。", TestName = "another date")]
    [TestCase("哈尔滨银行捐赠物资价值200万元。", TestName = "another kind of figure")]
    public void A_contradiction_makes_another_gift(string second)
    {
        var held = Held("2月3日，哈尔滨银行向哈尔滨市慈善总会捐款200万元。");

        Assert.That(Why(held, second), Is.Null);
    }

    [Test]
    public void Reports_that_name_no_receiver_in_common_are_two_gifts()
    {
        var held = Held("哈尔滨银行捐款200万元。", FirstHospital);

        Assert.That(Why(held, "哈尔滨银行捐款200万元。", RedCross), Is.Null);
        Assert.That(Why(held, "哈尔滨银行捐款200万元。", RedCross, FirstHospital), Is.Not.Null);
    }

    [Test]
    public void Goods_without_a_value_join_only_in_the_same_kind_and_quantity()
    {
        var held = Held("某药店捐赠医用口罩1000只。");

        Assert.That(Why(held, "某药店向社区捐赠医用口罩1000只。"), Is.EqualTo("same giver, 医用口罩 1000只 agree"));
        Assert.That(Why(held, "某药店捐赠医用口罩2000只。"), Is.Null);
        Assert.That(Why(held, "某药店捐赠酒精1000瓶。"), Is.Null);
        Assert.That(Why(held, "某药店捐款1000元，医用口罩1000只。"), Is.Null, "a figure the held gift lacks is not agreement");
    }
}
