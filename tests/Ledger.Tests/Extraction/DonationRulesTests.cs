using Ledger.Domain;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

/// <summary>
/// The rules on sentences written the way relief reports write them (not taken from the seeds):
/// each case is the text and what a careful reader records from it.
/// </summary>
public class DonationRulesTests
{
    private static readonly ExtractionOptions Year2020 = new() { Year = 2020 };

    public sealed record Expected(string Text, string? Donor, decimal? Cash = null, decimal? GoodsValue = null, decimal? Combined = null,
        string[]? Items = null, string[]? Recipients = null, bool Aggregate = false, Qualifier? Qualifier = null, string? Date = null)
    {
        public override string ToString() => Text;
    }

    private static IEnumerable<Expected> Gifts()
    {
        yield return new("哈尔滨某药业公司向市第一医院捐赠医用口罩2万只、防护服500套。", "哈尔滨某药业公司",
            Items: ["mask 20000 只", "protective_suit 500 套"], Recipients: ["市第一医院"]);
        yield return new("市政协委员张某某捐款5万元。", "张某某", Cash: 50000);
        yield return new("市红十字会接收哈药集团捐赠的消毒液300箱。", "哈药集团", Items: ["disinfectant 300 箱"], Recipients: ["市红十字会"]);
        yield return new("退休教师王某捐出积蓄1万元。", "王某", Cash: 10000);
        yield return new("某公司捐赠价值20万元的呼吸机2台。", "某公司", GoodsValue: 200000, Items: ["medical_equipment 2 台"]);
        yield return new("截至3月1日,全县党员累计捐款近300万元。", "全县党员", Cash: 3000000, Aggregate: true,
            Qualifier: Ledger.Domain.Qualifier.AtMost, Date: "2020-03-01");
        yield return new("爱心企业家李某为社区送去大米50袋、食用油30桶。", "李某", Items: ["food 50 袋", "food 30 桶"], Recipients: ["社区"]);
        yield return new("该商会会员捐款捐物共计20余万元。", "该商会会员", Combined: 200000, Aggregate: true, Qualifier: Ledger.Domain.Qualifier.AtLeast);
        yield return new("某集团先后两次向市慈善总会捐款共计200万元。", "某集团", Cash: 2000000, Aggregate: true, Recipients: ["市慈善总会"]);
        yield return new("某置业公司将10万元爱心款送到街道办事处。", "某置业公司", Cash: 100000, Recipients: ["街道办事处"]);
        yield return new("在区工商联的协调下,某建材公司为隔离点捐赠84消毒液20箱80桶。", "某建材公司", Items: ["disinfectant 80 桶"], Recipients: ["隔离点"]);
    }

    private static IEnumerable<Expected> MoreGifts()
    {
        yield return new("腾讯宣布捐款3亿元。", "腾讯", Cash: 300000000);
        yield return new("华为向武汉捐赠3000万元。", "华为", Cash: 30000000, Recipients: ["武汉"]);
        yield return new("省工商联负责人来到省红十字会,将全省民营企业捐赠的2000万元善款交到省红十字会。", "全省民营企业", Cash: 20000000, Aggregate: true);
        yield return new("飞鹤乳业积极履行社会责任。该公司董事长王某代表公司向市红十字会捐赠善款50万元。", "飞鹤乳业", Cash: 500000, Recipients: ["市红十字会"]);
        yield return new("2月5日,某某集团有限公司通过省慈善总会向省内定点医院捐赠\n医用防护服两千套、N95口罩一万只,价值共计八十余万元。", "某某集团有限公司",
            GoodsValue: 800000, Items: ["protective_suit 2000 套", "mask 10000 只"], Recipients: ["省内定点医院"], Qualifier: Ledger.Domain.Qualifier.AtLeast, Date: "2020-02-05");
        yield return new("同日,哈尔滨市南岗区个体工商户协会组织会员捐款十二万三千元,全部用于购买消毒液等防疫物资。", "哈尔滨市南岗区个体工商户协会会员",
            Cash: 123000, Aggregate: true);
        yield return new("北大荒集团向武汉捐赠大米100吨、面粉50吨,价值约120万元。", "北大荒集团", GoodsValue: 1200000,
            Items: ["food 100 吨", "food 50 吨"], Recipients: ["武汉"], Qualifier: Ledger.Domain.Qualifier.About);
    }

    private static IEnumerable<string> NotGifts()
    {
        yield return "某商会向全体会员发出倡议,号召大家捐款捐物。";
        yield return "警方查获假冒口罩3万只。";
        yield return "医护人员穿着防护服进入病房。";
        yield return "社会各界纷纷捐款捐物。";
        yield return "他们计划向灾区捐赠帐篷200顶。";
        yield return "药店以成本价向居民出售口罩5000只。";
        yield return "该厂口罩日产量达到10万只。";
        yield return "";
    }

    [TestCaseSource(nameof(Gifts))]
    [TestCaseSource(nameof(MoreGifts))]
    public void A_stated_gift_is_read_as_a_careful_reader_records_it(Expected expected)
    {
        var records = DonationExtractor.Default.Extract(expected.Text, "case.txt", Year2020);

        Assert.That(records, Has.Count.EqualTo(1), string.Join("\n", records));
        var record = records[0];
        Assert.Multiple(() =>
        {
            Assert.That(record.Donor, Is.EqualTo(expected.Donor));
            Assert.That(record.Cash?.Value, Is.EqualTo(expected.Cash));
            Assert.That(record.GoodsValue?.Value, Is.EqualTo(expected.GoodsValue));
            Assert.That(record.Combined?.Value, Is.EqualTo(expected.Combined));
            if (expected.Items is not null)
                Assert.That(record.Items.Select(Describe), Is.EqualTo(expected.Items));
            if (expected.Recipients is not null)
                Assert.That(record.Recipients, Is.EqualTo(expected.Recipients));
            Assert.That(record.Aggregate, Is.EqualTo(expected.Aggregate));
            if (expected.Qualifier is not null)
                Assert.That((record.Cash ?? record.GoodsValue ?? record.Combined)?.Qualifier, Is.EqualTo(expected.Qualifier));
            if (expected.Date is not null)
                Assert.That(record.Date?.ToString("yyyy-MM-dd"), Is.EqualTo(expected.Date));
            Assert.That(record.Line, Is.EqualTo(1 + expected.Text[..expected.Text.IndexOf(record.Evidence[..4], StringComparison.Ordinal)].Count(c => c == '\n')));
            Assert.That(record.Evidence, Is.Not.Empty);
        });
    }

    [TestCaseSource(nameof(NotGifts))]
    public void Talk_about_goods_that_reports_no_gift_gives_no_record(string text) =>
        Assert.That(DonationExtractor.Default.Extract(text, "case.txt", Year2020), Is.Empty);

    [Test]
    public void Money_in_another_currency_is_kept_apart_from_yuan()
    {
        var record = DonationExtractor.Default.Extract("台積電宣布捐贈新台幣1億元,並捐出口罩50萬片給醫護人員。", "tw.txt").Single();

        Assert.Multiple(() =>
        {
            Assert.That(record.Donor, Is.EqualTo("台积电"));
            Assert.That(record.Cash, Is.Null);
            Assert.That(record.CashOther, Is.EqualTo(new Money(Figure.Exact(100_000_000m), "TWD")));
            Assert.That(record.Items.Single().Quantity?.Value, Is.EqualTo(500_000m));
            Assert.That(record.Recipients, Is.EqualTo(new[] { "医护人员" }));
        });
    }

    [Test]
    public void A_date_without_a_year_stays_unknown_when_neither_document_nor_caller_gives_one()
    {
        var records = DonationExtractor.Default.Extract("2月15日,某公司向医院捐款20万元。", "case.txt");

        Assert.That(records.Single().Date, Is.Null);
    }

    [Test]
    public void The_year_comes_from_the_document_itself()
    {
        var records = DonationExtractor.Default.Extract("某某杂志\n2021年第2期\n\n2月15日,某公司向医院捐款20万元。", "case.txt");

        Assert.That(records.Single().Date, Is.EqualTo(new DateOnly(2021, 2, 15)));
    }

    [Test]
    public void Rows_of_a_published_list_of_givers_are_gifts_by_the_names_they_start_with()
    {
        const string list = "爱心企业捐赠名单如下\n\n1. 哈尔滨某某药业有限公司 10万元\n2. 张某 5000元\n3. 某某商贸公司 口罩2000只\n\n以上捐赠已全部用于疫情防控。";

        var records = DonationExtractor.Default.Extract(list, "list.txt", Year2020);

        Assert.That(records.Select(r => (r.Donor, r.Cash?.Value, r.Items.FirstOrDefault()?.Quantity?.Value)), Is.EqualTo(new[]
        {
            ("哈尔滨某某药业有限公司", (decimal?)100000m, (decimal?)null),
            ("张某", 5000m, null),
            ("某某商贸公司", null, 2000m),
        }));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 3, 4, 5 }));
    }

    private static string Describe(DonatedItem item) =>
        $"{Vocabulary.Snake(item.Category)} {item.Quantity?.Value} {item.Unit}";
}
