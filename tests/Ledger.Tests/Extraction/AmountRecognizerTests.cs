using Ledger.Domain;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

public class AmountRecognizerTests
{
    [TestCase("捐款25.55万元", 255500, Qualifier.Exact, "25.55万元")]
    [TestCase("捐款总计133.80元", 133.8, Qualifier.Exact, "133.80元")]
    [TestCase("企业家捐款1257.28万元", 12572800, Qualifier.Exact, "1257.28万元")]
    [TestCase("捐款3000余万元", 30000000, Qualifier.AtLeast, "3000余万元")]
    [TestCase("价值近3万元的中药", 30000, Qualifier.AtMost, "近3万元")]
    [TestCase("捐款20余万元", 200000, Qualifier.AtLeast, "20余万元")]
    [TestCase("折合人民币49.2万余元", 492000, Qualifier.AtLeast, "人民币49.2万余元")]
    [TestCase("累计捐款总额超过119万元", 1190000, Qualifier.AtLeast, "超过119万元")]
    [TestCase("捐款119万元以上", 1190000, Qualifier.AtLeast, "119万元以上")]
    [TestCase("约30万元", 300000, Qualifier.About, "约30万元")]
    [TestCase("5万元左右", 50000, Qualifier.About, "5万元左右")]
    [TestCase("不足1万元", 10000, Qualifier.AtMost, "不足1万元")]
    [TestCase("壹拾伍万元", 150000, Qualifier.Exact, "壹拾伍万元")]
    [TestCase("捐款24.8 万元", 248000, Qualifier.Exact, "24.8 万元")]
    [TestCase("捐款60500元", 60500, Qualifier.Exact, "60500元")]
    [TestCase("拿出1000元钱", 1000, Qualifier.Exact, "1000元钱")]
    [TestCase("善款十几万元", 100000, Qualifier.AtLeast, "十几万元")]
    public void Reads_money_in_yuan(string text, decimal value, Qualifier qualifier, string span)
    {
        var amount = AmountRecognizer.FindAll(text).Single();
        Assert.Multiple(() =>
        {
            Assert.That(amount.Kind, Is.EqualTo(AmountKind.Money));
            Assert.That(amount.Currency, Is.EqualTo("CNY"));
            Assert.That(amount.Figure.Value, Is.EqualTo(value));
            Assert.That(amount.Figure.Qualifier, Is.EqualTo(qualifier));
            Assert.That(text.Substring(amount.Start, amount.Length), Is.EqualTo(span));
        });
    }

    // A minus sign or an exponent makes digits no figure a report gives; a range keeps its digits.
    [TestCase("捐款-5000元")]
    [TestCase("捐款－5000元")]
    [TestCase("捐款1e308元")]
    [TestCase("捐款2E+5元")]
    public void Reads_no_figure_from_signed_or_scientific_numbers(string text) =>
        Assert.That(AmountRecognizer.FindAll(text), Is.Empty);

    [Test]
    public void A_dash_between_two_numbers_is_a_range_not_a_sign() =>
        Assert.That(AmountRecognizer.FindAll("捐款3-5万元").Select(a => a.Figure.Value), Does.Contain(50000m));

    [TestCase("某某癸公司向某医院捐款92233720368547758元。", "92233720368547758元")]
    [TestCase("某公司捐款一万亿亿亿元。", "10000000000000000000000000000元")]
    public void A_figure_beyond_any_one_gift_is_kept_unread_and_never_an_amount(string sentence, string unread)
    {
        var record = new DonationExtractor(strict: true).Extract("捐赠通报\n\n" + sentence, "t.txt").Single();

        Assert.That(record.Cash, Is.Null);
        Assert.That(record.Optional, Is.True);
        Assert.That(record.UnreadFigure, Is.EqualTo(unread));
    }

    [Test]
    public void A_gift_of_one_trillion_yuan_is_still_a_gift() =>
        Assert.That(new DonationExtractor(strict: true).Extract("捐赠通报\n\n某基金会捐款1万亿元。", "t.txt").Single().Cash?.Value, Is.EqualTo(1_000_000_000_000m));

    [TestCase("捐款1万美元", 10000, "USD")]
    [TestCase("捐赠5000港元", 5000, "HKD")]
    [TestCase("捐款2万欧元", 20000, "EUR")]
    [TestCase("捐款100万日元", 1000000, "JPY")]
    [TestCase("捐赠新台币1亿元", 100000000, "TWD")]
    [TestCase("捐款港币100万元", 1000000, "HKD")]
    public void Keeps_a_foreign_currency_as_written(string text, decimal value, string currency)
    {
        var amount = AmountRecognizer.FindAll(text).Single();
        Assert.That((amount.Kind, amount.Figure.Value, amount.Currency), Is.EqualTo((AmountKind.Money, value, currency)));
    }

    [TestCase("3.5万只医用外科口罩", 35000, "只", Qualifier.Exact)]
    [TestCase("口罩5500个", 5500, "个", Qualifier.Exact)]
    [TestCase("防护服 370 套", 370, "套", Qualifier.Exact)]
    [TestCase("3000多副护目镜", 3000, "副", Qualifier.AtLeast)]
    [TestCase("防疫物资1200余件(套)", 1200, "件(套)", Qualifier.AtLeast)]
    [TestCase("血浆2万毫升", 20000, "毫升", Qualifier.Exact)]
    [TestCase("消毒液一吨半", 1.5, "吨", Qualifier.Exact)]
    [TestCase("两三百箱矿泉水", 250, "箱", Qualifier.About)]
    [TestCase("捐赠一台呼吸机", 1, "台", Qualifier.Exact)]
    public void Reads_a_count_of_goods_with_its_unit(string text, decimal value, string unit, Qualifier qualifier)
    {
        var amount = AmountRecognizer.FindAll(text).Single();
        Assert.That((amount.Kind, amount.Figure.Value, amount.Unit, amount.Figure.Qualifier), Is.EqualTo((AmountKind.Quantity, value, unit, qualifier)));
    }

    [Test]
    public void Reads_two_units_of_one_item_as_two_counts() =>
        Assert.That(AmountRecognizer.FindAll("84消毒液10箱40桶").Select(a => (a.Figure.Value, a.Unit)),
            Is.EqualTo(new[] { (10m, "箱"), (40m, "桶") }));

    [TestCase("截至2月9日")]
    [TestCase("在短短24小时内")]
    [TestCase("3次累计")]
    [TestCase("85名在职党员")]
    [TestCase("爱心接力8000余里")]
    [TestCase("增长50%")]
    [TestCase("元旦期间")]
    [TestCase("第一批物资")]
    [TestCase("奋战在一线")]
    [TestCase("一批84消毒液")]
    [TestCase("N95口罩")]
    [TestCase("队伍陆续出发")]
    [TestCase("2020年元月")]
    public void Finds_no_amount_where_there_is_none(string text) =>
        Assert.That(AmountRecognizer.FindAll(text), Is.Empty);

    [Test]
    public void Never_throws_on_arbitrary_text()
    {
        const string alphabet = "零一二两三四五六七八九十百千万亿几数点.,0123456789 元只余多近约以上左右美元件(套)人民币新台币";
        foreach (var text in RandomText.Strings(11, alphabet, 5000, 30))
            Assert.DoesNotThrow(() => AmountRecognizer.FindAll(text), text);
    }
}
