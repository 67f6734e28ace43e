using Ledger.Domain;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

/// <summary>
/// The classes of sentence real reports use to state gifts (extraction spec, section 4), each with
/// sentences written for this test, not taken from any report: what a careful reader records from
/// them, and a look-alike that states no such gift.
/// </summary>
public class ReportClassesTests
{
    private static List<DonationRecord> Read(string text) => DonationExtractor.Default.Extract("某某报\n\n" + text, "case.txt").ToList();

    private static IEnumerable<(string? Donor, decimal? Cash)> Gifts(string text) => Read(text).Select(r => ((string?)r.Donor, r.Cash?.Value));

    [Test]
    public void Every_giver_of_a_list_under_a_total_is_a_gift_of_its_own_and_the_total_one_more()
    {
        var records = Read("本次义卖活动中共有5家本地企业捐款80万元,其中:长河建材40万元、北山食品20万元、江南纺织15万元、东湖物流5万元。");

        Assert.That(records.Select(r => (r.Donor, r.Cash?.Value, r.Aggregate)), Is.EqualTo(new (string?, decimal?, bool)[]
        {
            ("5家本地企业", 800000m, true),
            ("长河建材", 400000m, false),
            ("北山食品", 200000m, false),
            ("江南纺织", 150000m, false),
            ("东湖物流", 50000m, false),
        }));
    }

    [Test]
    public void A_list_of_goods_with_their_counts_is_no_list_of_givers()
    {
        var records = Read("某商会向灾区捐赠物资,其中:大米300袋、食用油200桶、矿泉水500箱。");

        Assert.That(records.Select(r => r.Donor).Distinct(), Is.EqualTo(new[] { "某商会" }));
    }

    [Test]
    public void Givers_who_each_gave_are_one_gift_each_and_a_joint_pair_inside_the_list_stays_one()
    {
        var gifts = Gifts("王立新、李秀兰、赵氏父子和孙女等各捐1000元。");

        Assert.That(gifts, Is.EquivalentTo(new (string?, decimal?)[] { ("王立新", 1000m), ("李秀兰", 1000m), ("赵氏父子和孙女", 1000m) }));
    }

    [Test]
    public void A_run_of_givers_each_with_their_own_verb_keeps_each_figure_with_its_giver()
    {
        var records = Read("恒远集团捐赠500万港元、安泰基金会捐赠近300万港元、大成银行捐赠200万港元。");

        Assert.That(records.Select(r => (r.Donor, r.CashOther?.Amount.Value, r.CashOther?.Amount.Qualifier)), Is.EqualTo(new (string?, decimal?, Qualifier?)[]
        {
            ("恒远集团", 5_000_000m, Qualifier.Exact),
            ("安泰基金会", 3_000_000m, Qualifier.AtMost),
            ("大成银行", 2_000_000m, Qualifier.Exact),
        }));
    }

    [Test]
    public void A_receipt_that_lists_who_handed_in_what_credits_each_giver()
    {
        var gifts = Gifts("本报连日来续收到各界善款,包括退休教师陈志远五千元,南湖中学师生三千二百元,林美华二千元。");

        Assert.That(gifts, Is.EqualTo(new (string?, decimal?)[] { ("陈志远", 5000m), ("南湖中学师生", 3200m), ("林美华", 2000m) }));
    }

    [Test]
    public void A_gift_of_its_own_after_a_figure_and_a_comma_like_pause_keeps_its_receiver()
    {
        var records = Read("其中市慈善总会接收捐款300万元、滨江区政府向灾民捐赠120万元。");

        var county = records.Single(r => r.Donor == "滨江区政府");
        Assert.That((county.Cash?.Value, county.Recipients), Is.EqualTo(((decimal?)1_200_000m, new List<string> { "灾民" })));
    }

    [Test]
    public void Officers_who_hand_over_money_on_their_body_s_behalf_are_not_its_donors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Gifts("上午十时,青山同乡会会长周明、副会长吴桂芳代表该会送交善款二万元。"), Is.EqualTo(new (string?, decimal?)[] { ("青山同乡会", 20000m) }));
            Assert.That(Gifts("下午,华康大药房代表刘海、钱雯送交一万五千元善款。"), Is.EqualTo(new (string?, decimal?)[] { ("华康大药房", 15000m) }));
            Assert.That(Gifts("随后,远洋贸易有限公司总经理郑凯,副经理许琳、马骏代表该公司送交善款八千元。"), Is.EqualTo(new (string?, decimal?)[] { ("远洋贸易有限公司", 8000m) }));
        });
    }

    [Test]
    public void A_person_who_acts_for_a_body_still_gives_the_body_s_gift_when_the_body_follows_代表() =>
        Assert.That(Gifts("吴建国代表天和物流公司向医院捐款5万元。"), Is.EqualTo(new (string?, decimal?)[] { ("天和物流公司", 50000m) }));

    [Test]
    public void Counts_of_gifts_and_brackets_of_amounts_are_statistics_not_gifts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Read("据统计,去年共出现12笔来自个人的百万元及以上大额捐赠,其中2笔超过千万元。"), Is.Empty);
            Assert.That(Read("捐赠金额在100万元至500万元之间的有7笔。"), Is.Empty);
            Assert.That(Gifts("南方电网向灾区捐款1000万元。"), Is.EqualTo(new (string?, decimal?)[] { ("南方电网", 10_000_000m) }));
        });
    }

    [Test]
    public void A_gift_announced_for_later_is_a_plan_not_a_gift()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Read("该企业负责人表示,公司将再向灾区捐助500万元。"), Is.Empty);
            Assert.That(Read("王先生拟通过本市慈善总会向山区学校捐赠图书款20万元。"), Is.Empty);
            Assert.That(Read("甲企业认捐500万元。"), Is.Empty);
            Assert.That(Read("丁商会承诺捐赠1000万元。"), Is.Empty);
            // 将 before the goods hands over what is there.
            Assert.That(Gifts("某爱心企业将10万元善款送到了街道办事处。").Select(g => g.Cash), Is.EqualTo(new decimal?[] { 100000m }));
        });
    }

    [Test]
    public void A_count_of_givers_after_有_names_them()
    {
        Assert.That(Read("截至目前,已有23家民营企业为灾区捐款约150万元。").Select(r => (r.Donor, r.Aggregate)),
            Is.EqualTo(new (string?, bool)[] { ("23家民营企业", true) }));
        // The count names them for the clause that gives the figure too, and nobody named before stands in.
        Assert.That(Read("某公司捐款5万元。\n\n全市共有3万余名党员自愿捐款,共计捐款1200余万元。").Select(r => r.Donor),
            Is.EqualTo(new[] { "某公司", "3万余名党员" }));
    }

    [Test]
    public void A_place_whose_name_begins_with_a_numeral_is_no_count() =>
        Assert.That(Gifts("四川省向受灾地区捐赠300万元。"), Is.EqualTo(new (string?, decimal?)[] { ("四川省", 3_000_000m) }));

    [Test]
    public void A_sum_in_万_after_a_giving_word_is_yuan_even_when_元_is_left_out()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Gifts("青禾乳业向红十字会捐赠800万").Select(g => g.Cash), Is.EqualTo(new decimal?[] { 8_000_000m }));
            Assert.That(Read("该市常住人口有800万。"), Is.Empty);
        });
    }

    [Test]
    public void A_magnitude_with_no_digit_before_a_unit_of_goods_counts_one_of_itself()
    {
        var record = Read("全校师生共捐赠棉鞋百双。").Single();

        Assert.That(record.Items.Select(i => (i.Category, i.Quantity?.Value, i.Unit)),
            Is.EqualTo(new (ItemCategory, decimal?, string?)[] { (ItemCategory.LivingSupplies, 100m, "双") }));
        Assert.That(Read("千万不要忘记戴口罩。"), Is.Empty);
    }

    [Test]
    public void Clothing_is_living_supplies() =>
        Assert.That(Read("爱心人士王丽向山区小学捐赠羽绒服120件、棉鞋80双。").Single().Items.Select(i => i.Category),
            Is.EqualTo(new[] { ItemCategory.LivingSupplies, ItemCategory.LivingSupplies }));

    [Test]
    public void A_bare_元_in_a_Macau_page_is_patacas_and_人民币_stays_yuan()
    {
        const string page = "澳門日報訊\n\n澳門各界繼續踴躍捐款。澳門街坊總會送交善款五萬元。\n\n澳門同鄉會另捐人民幣十萬元。";
        var records = DonationExtractor.Default.Extract(page, "mo.txt");

        Assert.Multiple(() =>
        {
            var patacas = records.Single(r => r.Donor == "澳门街坊总会");
            Assert.That((patacas.Cash, patacas.CashOther), Is.EqualTo(((Figure?)null, (Money?)new Money(Figure.Exact(50000m), "MOP"))));
            var yuan = records.Single(r => r.Donor == "澳门同乡会");
            Assert.That(yuan.Cash?.Value, Is.EqualTo(100000m));
        });
    }

    [Test]
    public void A_bare_元_in_a_mainland_page_stays_yuan() =>
        Assert.That(Gifts("香港某商会会员李明向家乡捐款5万元。").Select(g => g.Cash), Is.EqualTo(new decimal?[] { 50000m }));

    [Test]
    public void A_person_described_before_的_is_the_giver() =>
        Assert.That(Gifts("从事环卫工作二十年的刘婶,主动捐出2000元。"), Is.EqualTo(new (string?, decimal?)[] { ("刘婶", 2000m) }));

    [Test]
    public void A_count_given_without_goods_counts_the_goods_named_before_it()
    {
        var records = Read("李大姐在小区门口免费发放口罩,先后自掏腰包买了3000个送给邻居。");

        Assert.That(records.Single().Items.Select(i => (i.Category, i.Quantity?.Value, i.Unit)),
            Is.EqualTo(new (ItemCategory, decimal?, string?)[] { (ItemCategory.Mask, 3000m, "个") }));
        // 17个医疗队: a count followed by a noun counts that noun.
        Assert.That(Read("某公司向医院捐赠口罩5000只。全省各地支援灾区的17个医疗队已经出发。").SelectMany(r => r.Items).Select(i => i.Quantity?.Value),
            Is.EqualTo(new decimal?[] { 5000m }));
    }

    [Test]
    public void Goods_passed_on_by_a_charity_are_the_charity_s_gift_to_the_receiver_who_took_them()
    {
        var gift = Read("市人民医院接收由市慈善总会转赠的20箱共计4000套防护服。").Single();

        Assert.Multiple(() =>
        {
            Assert.That(gift.Donor, Is.EqualTo("市慈善总会"));
            Assert.That(gift.Recipients, Does.Contain("市人民医院"));
            Assert.That(gift.Items.Select(i => i.Quantity?.Value), Does.Contain(4000m));
        });
    }

    [Test]
    public void A_web_page_s_dateline_and_credits_stand_apart_from_the_body_so_the_gift_keeps_its_line()
    {
        var records = DonationExtractor.Default.Extract("防护服送达医院\n2021年3月2日 09:15 来源:某某区红十字会办公室\n3月1日,区人民医院接收某公司捐赠的防护服500套。\n", "page.txt");

        Assert.That(records.Select(r => (r.Line, r.Donor)), Is.EqualTo(new (int, string?)[] { (3, "某公司") }));
    }

    [Test]
    public void A_news_dateline_and_the_reporter_are_no_givers()
    {
        Assert.That(Gifts("新华社南京5月3日电(记者 王某)继去年捐款500万元后,某集团今天再次向灾区捐款300万元。").Select(g => g.Donor),
            Has.None.Contains("新华社").And.None.Contains("王某"));
        Assert.That(Gifts("本报讯 记者张晓明 某公司昨日向市儿童医院捐赠善款20万元。"), Is.EqualTo(new (string?, decimal?)[] { ("某公司", 200000m) }));
    }

    [Test]
    public void A_giver_the_paper_names_by_a_nickname_in_quotes_is_a_giver()
    {
        Assert.That(Read("热心的“爱心姐”自费购买口罩2000只送给环卫工人。").Single().Donor, Is.EqualTo("爱心姐"));
        // “口罩哥” names a person; a quoted product is goods.
        Assert.That(Read("某药企捐赠“连花清瘟胶囊”500盒。").Single().Donor, Is.EqualTo("某药企"));
    }

    [Test]
    public void Givers_and_figures_named_side_by_side_with_分别_pair_in_order()
    {
        Assert.That(Gifts("张明、李华、王强分别捐款1万元、5000元和3000元。"),
            Is.EqualTo(new (string?, decimal?)[] { ("张明", 10000m), ("李华", 5000m), ("王强", 3000m) }));
        Assert.That(Read("某公司分别向一院、二院捐款1万元、5000元。").Select(r => (r.Recipients.Single(), r.Cash?.Value)),
            Is.EqualTo(new (string, decimal?)[] { ("一院", 10000m), ("二院", 5000m) }));
        // One figure for several givers is what each gave.
        Assert.That(Gifts("张明、李华分别捐款1万元。"), Is.EqualTo(new (string?, decimal?)[] { ("张明", 10000m), ("李华", 10000m) }));
    }

    [Test]
    public void A_row_of_a_published_list_that_names_several_givers_gives_each_its_own_gift()
    {
        var records = DonationExtractor.Default.Extract("抗疫善款芳名\n\n陈大文 五百元 何小玲 三百元\n\n某某贸易行 二千元\n", "list.txt");

        Assert.That(records.Select(r => (r.Donor, r.Cash?.Value ?? r.CashOther?.Amount.Value)),
            Is.EqualTo(new (string?, decimal?)[] { ("陈大文", 500m), ("何小玲", 300m), ("某某贸易行", 2000m) }));
    }

    [Test]
    public void A_company_described_before_的_is_the_giver() =>
        Assert.That(Gifts("近日刚刚完成上市的青禾乳业在第一时间向灾区捐款100万元。"), Is.EqualTo(new (string?, decimal?)[] { ("青禾乳业", 1_000_000m) }));

    [Test]
    public void A_gift_whose_giver_cannot_be_read_is_credited_to_nobody_named_before()
    {
        var records = Read("东海商会向灾民捐款50万元。\n\n南洋慈善信托基金拨款3000万元支援灾民。");

        Assert.That(records.Select(r => r.Donor), Is.EqualTo(new[] { "东海商会" }));
    }

    [Test]
    public void Free_carriage_is_a_service_not_a_gift_of_goods() =>
        Assert.That(Read("某快递公司免费运输救灾物资300吨。"), Is.Empty);

    [Test]
    public void A_published_list_whose_header_gives_the_unit_once_has_a_gift_in_every_row()
    {
        const string list = "某县慈善总会接受抗洪救灾捐赠情况公示(第三批)\n\n序号 捐赠单位(个人) 捐赠金额(元)\n1 某县建设银行 50000\n2 张三丰 1,000\n3 某某商贸有限公司 20000\n\n以上捐款已全部用于抗洪救灾。\n";

        var records = DonationExtractor.Default.Extract(list, "list.txt");

        Assert.That(records.Select(r => (r.Donor, r.Cash?.Value, r.Line)), Is.EqualTo(new (string?, decimal?, int)[]
        {
            ("某县建设银行", 50000m, 4), ("张三丰", 1000m, 5), ("某某商贸有限公司", 20000m, 6),
        }));
        // Without a header that says the unit, a bare number counts nothing.
        Assert.That(DonationExtractor.Default.Extract("某县慈善总会接受捐赠情况公示\n\n1 某县建设银行 50000\n", "list.txt"), Is.Empty);
    }

    [Test]
    public void Goods_the_tables_do_not_know_are_goods_of_another_kind_under_the_name_the_text_gives()
    {
        Assert.That(Read("某科技公司向山区小学捐赠电脑20台。").Single().Items.Select(i => (i.Category, i.Name, i.Quantity?.Value, i.Unit)),
            Is.EqualTo(new (ItemCategory, string, decimal?, string?)[] { (ItemCategory.Other, "电脑", 20m, "台") }));
        Assert.That(Read("某公司向贫困学生捐赠了500个书包。").Single().Items.Select(i => (i.Name, i.Quantity?.Value)),
            Is.EqualTo(new (string, decimal?)[] { ("书包", 500m) }));
        // A count right after 给 counts receivers: 5个乡镇 are not goods.
        Assert.That(Read("某公司捐给5个乡镇的学校各1万元。").SelectMany(r => r.Items), Is.Empty);
    }

    [Test]
    public void An_appeal_to_the_public_speaks_for_the_whole_sentence_after_it()
    {
        Assert.That(Read("市慈善会发出倡议,倡议市民伸出援助之手,尽自己所能向医疗机构捐赠口罩、消毒液。"), Is.Empty);
        // A letter of appeal named in a sentence asks nobody there.
        Assert.That(Gifts("某商会发出《致全体会员的倡议书》,会员踊跃捐款,截至3月1日,会员捐款8万元。").Select(g => g.Cash), Is.EqualTo(new decimal?[] { 80000m }));
    }

    [Test]
    public void A_Taiwan_page_counts_bare_元_in_new_Taiwan_dollars_and_亦_or_则_is_no_part_of_a_name()
    {
        var records = DonationExtractor.Default.Extract("花蓮強震 企業踴躍捐款\n\n台積電宣布捐贈新台幣1億元協助救災。鴻海集團亦捐款5000萬元,富邦集團則捐出2000萬元。\n", "tw.txt");

        Assert.That(records.Select(r => (r.Donor, r.CashOther?.Currency, r.CashOther?.Amount.Value)), Is.EqualTo(new (string?, string?, decimal?)[]
        {
            ("台积电", "TWD", 100_000_000m), ("鸿海集团", "TWD", 50_000_000m), ("富邦集团", "TWD", 20_000_000m),
        }));
    }

    [Test]
    public void All_sectors_of_a_place_name_no_giver() =>
        Assert.That(Read("据统计,该县各界已为受灾群众捐款捐物折合人民币860万元。"), Is.Empty);

    [Test]
    public void Money_given_to_those_in_need_is_a_gift_but_money_spent_or_a_research_grant_is_not()
    {
        Assert.That(Gifts("某企业资助贫困学生50名,共计10万元。"), Is.EqualTo(new (string?, decimal?)[] { ("某企业", 100000m) }));
        Assert.That(Read("7亿元中另有5000万元将用于设立助学金,这笔钱将被用来帮助家庭困难学生顺利完成学业,并资助他们出国深造。"), Is.Empty);
        Assert.That(Read("该基金会2023年共支出善款8000万元。"), Is.Empty);
        Assert.That(Read("本研究受国家自然科学基金资助项目支持,经费50万元。"), Is.Empty);
    }

    [Test]
    public void Goods_named_first_take_the_giver_that_由_brings_before_the_verb()
    {
        Assert.That(Read("这批物资由校友企业某集团捐赠,包括口罩10万只、护目镜500副。").Single().Donor, Is.EqualTo("校友企业某集团"));
        Assert.That(Read("此次运送的医疗物资分别由大阪、名古屋的华侨捐赠,运送口罩45000只。").Single().Donor, Is.EqualTo("大阪、名古屋的华侨"));
    }

    [Test]
    public void A_hospital_named_with_和_is_one_receiver() =>
        Assert.That(Read("北美校友会采购口罩20万只捐给武汉协和医院。").Single().Recipients, Is.EqualTo(new[] { "武汉协和医院" }));

    [Test]
    public void A_joint_gift_of_givers_each_named_is_no_total_but_a_crowd_s_is()
    {
        Assert.That(Read("此外,长春市委、市政府17日向青海玉树灾区捐赠200万元。").Select(r => (r.Donor, r.Aggregate)),
            Is.EqualTo(new (string?, bool)[] { ("长春市委、市政府", false) }));
        Assert.That(Read("已有多家中央企业为灾区捐款约4920万元。").Single().Aggregate, Is.True);
    }

    [Test]
    public void A_count_of_one_gift_s_goods_after_共计_is_no_total() =>
        Assert.That(Read("某公司向方舱医院捐赠了102箱共计51万副医用手套。").Single().Aggregate, Is.False);

    [Test]
    public void A_person_named_after_the_word_for_their_standing_is_the_giver() =>
        Assert.That(Gifts("86岁的离休干部吴鹏捐款2000元,非党干部职工董娜捐2000元。"),
            Is.EqualTo(new (string?, decimal?)[] { ("吴鹏", 2000m), ("董娜", 2000m) }));

    [Test]
    public void A_Macau_page_credits_the_body_its_officers_lead_and_counts_its_list_in_patacas()
    {
        const string page = "本報讀者公益基金會 昨收善款逾十萬\n\n澳門日報讀者公益基金會昨日繼續收到各界捐款。\n\n澳門婦女聯合總會會長賀定一率領理事會成員送來善款三萬元。\n\n捐款芳名:\n何先生 10,000元\n無名氏 300元\n";

        var records = DonationExtractor.Default.Extract(page, "mo.txt");

        // The headline's receipt names the receiver, not a giver.
        Assert.That(records.Select(r => (r.Donor, r.CashOther?.Currency, r.CashOther?.Amount.Value)), Is.EqualTo(new (string?, string?, decimal?)[]
        {
            ("澳门妇女联合总会", "MOP", 30000m), ("何先生", "MOP", 10000m), ("无名氏", "MOP", 300m),
        }));
    }

    [Test]
    public void A_date_that_sets_the_scene_dates_the_gifts_after_it_in_its_paragraph()
    {
        var records = Read("2010年9月11日,在某市举办的赈灾晚会上,各界踊跃捐款。此次晚会上共有5家企业捐款300万元。\n\n另一家企业捐款50万元。");

        Assert.That(records.Select(r => r.Date), Is.EqualTo(new DateOnly?[] { new DateOnly(2010, 9, 11), null }));
        // A gift's own date stays its own: the total after it states none.
        Assert.That(Read("2020年2月7日,某集团又向卫健局捐赠善款100万元。三次合计捐款达200万元。").Select(r => r.Date),
            Is.EqualTo(new DateOnly?[] { new DateOnly(2020, 2, 7), null }));
    }

    [Test]
    public void A_spoken_sum_right_after_the_giving_word_is_yuan()
    {
        Assert.That(Gifts("某商会捐六万三"), Is.EqualTo(new (string?, decimal?)[] { ("某商会", 63000m) }));
        Assert.That(Read("他家有房三万五千平方。"), Is.Empty);
    }

    [Test]
    public void A_sum_followed_by_goods_is_what_the_goods_are_worth()
    {
        Assert.That(Read("某企业家为地震灾区捐百万物资。").Single().GoodsValue?.Value, Is.EqualTo(1_000_000m));
        Assert.That(Read("某公司捐赠100万元物资。").Single().GoodsValue?.Value, Is.EqualTo(1_000_000m));
        // 50余万元 is one sum, not 50 and a lone 万.
        Assert.That(Read("商户们为疫情防控募集捐款50余万元。").Single().Cash?.Value, Is.EqualTo(500_000m));
    }

    [Test]
    public void Goods_named_only_in_general_and_not_counted_are_no_item()
    {
        Assert.That(Read("某集团向灾区捐赠资金和救灾物资折合600万元。").Single().Items, Is.Empty);
        Assert.That(Read("某公司向急需消毒液的街道捐赠84消毒液100吨。").Single().Items.Select(i => (i.Category, i.Quantity?.Value)),
            Is.EqualTo(new (ItemCategory, decimal?)[] { (ItemCategory.Disinfectant, 100m) }));
    }

    [Test]
    public void A_sum_is_read_as_cash_goods_or_both_by_the_words_around_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Read("某食品公司捐赠15万元的食品物资发往灾区。").Single().GoodsValue?.Value, Is.EqualTo(150_000m));
            Assert.That(Read("某集团初步捐助物资大概在100万元左右。").Single().GoodsValue?.Value, Is.EqualTo(1_000_000m));
            Assert.That(Read("会员们捐赠的物款合计约220万元。").Single().Combined?.Value, Is.EqualTo(2_200_000m));
            // 捐款 before the sum keeps it cash even where goods are named too.
            Assert.That(Read("某公司捐赠物资并捐款50万元。").Single().Cash?.Value, Is.EqualTo(500_000m));
        });
    }

    [Test]
    public void A_school_list_names_its_classes_and_staff_each_with_a_gift()
    {
        const string page = "某某中学网\n\n我校师生为灾区捐款名单\n\n高一(1)班 520元  高一(2)班 486.5元\n\n教职工:王明 200元、李华 100元\n\n以上合计1306.5元,已全部汇往县红十字会。\n";

        var records = DonationExtractor.Default.Extract(page, "school.txt");

        Assert.That(records.Select(r => (r.Donor, r.Cash)), Is.EqualTo(new (string?, Figure?)[]
        {
            ("高一(1)班", Figure.Exact(520m)), ("高一(2)班", Figure.Exact(486.5m)), ("王明", Figure.Exact(200m)), ("李华", Figure.Exact(100m)),
        }));
    }

    [Test]
    public void An_officer_acting_for_the_company_gives_the_company_s_gift_and_a_person_giving_personally_is_the_person()
    {
        Assert.That(Read("某某商会捐款30万元。某某公司董事长李某代表公司向医院捐赠呼吸机5台。").Select(r => r.Donor),
            Is.EqualTo(new[] { "某某商会", "某某公司" }));
        Assert.That(Gifts("该校2008级校友李某某个人捐资50万元。"), Is.EqualTo(new (string?, decimal?)[] { ("李某某", 500_000m) }));
    }

    [Test]
    public void One_count_after_a_list_of_uncounted_goods_counts_the_list_and_kinds_of_money_are_no_givers()
    {
        Assert.That(Read("某小区业主为受困群众送去面包、矿泉水共计2000份。").Single().Items.Select(i => (i.Name, i.Quantity?.Value)),
            Is.EqualTo(new (string, decimal?)[] { ("面包", null), ("矿泉水", 2000m) }));
        Assert.That(Read("截至7月25日,某慈善总会累计接收捐赠款物12.6亿元,其中资金10.8亿元,物资价值1.8亿元。").Select(r => r.Donor), Has.None.EqualTo("资金"));
    }

    [Test]
    public void A_receiver_who_received_goods_names_their_giver_after_收到() =>
        Assert.That(Read("近日,我校收到了校友王某捐赠的图书500册。").Single().Items.Select(i => (i.Name, i.Quantity?.Value, i.Unit)),
            Is.EqualTo(new (string, decimal?, string?)[] { ("图书", 500m, "册") }));

    private static readonly DonationExtractor Strict = new(strict: true);

    private static List<DonationRecord> ReadStrictly(string text) => Strict.Extract("某某报\n\n" + text, "case.txt").ToList();

    private static IEnumerable<(string? Donor, DonorKind Kind, string Items, string Recipients)> Described(IEnumerable<DonationRecord> records) =>
        records.Select(r => ((string?)r.Donor, r.DonorKind,
            string.Join("、", r.Items.Select(i => $"{i.Name}×{i.Quantity?.Value}{i.Unit}")), string.Join("、", r.Recipients)));

    [Test]
    public void A_company_named_by_its_goods_and_more_of_a_name_before_its_ending_is_the_giver_and_its_goods_word_no_item()
    {
        const string report = "捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款200万元。东方食品实业有限公司捐赠口罩1000只。\n"
                              + "东方食品实业有限公司向哈尔滨市第一医院捐赠口罩1030只。\n黑龙江东方食品实业有限公司向哈尔滨市第一医院捐赠口罩1030只。\n";

        var records = Strict.Extract(report, "report.txt");

        Assert.That(Described(records.Skip(1)), Is.EqualTo(new (string?, DonorKind, string, string)[]
        {
            ("东方食品实业有限公司", DonorKind.Company, "口罩×1000只", ""),
            ("东方食品实业有限公司", DonorKind.Company, "口罩×1030只", "哈尔滨市第一医院"),
            ("黑龙江东方食品实业有限公司", DonorKind.Company, "口罩×1030只", "哈尔滨市第一医院"),
        }));
        Assert.That(records[0].Donor, Is.EqualTo("哈尔滨银行"));
    }

    [Test]
    public void Goods_words_inside_a_body_s_name_name_the_body_wherever_it_stands()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Described(ReadStrictly("华康医疗器械科技有限公司向市人民医院捐赠呼吸机5台。")),
                Is.EqualTo(new (string?, DonorKind, string, string)[] { ("华康医疗器械科技有限公司", DonorKind.Company, "呼吸机×5台", "市人民医院") }));
            Assert.That(Described(ReadStrictly("金龙口罩制造有限公司捐赠消毒液200箱。")),
                Is.EqualTo(new (string?, DonorKind, string, string)[] { ("金龙口罩制造有限公司", DonorKind.Company, "消毒液×200箱", "") }));
            Assert.That(Described(ReadStrictly("南山医疗器械行业协会向灾区捐赠帐篷50顶。")),
                Is.EqualTo(new (string?, DonorKind, string, string)[] { ("南山医疗器械行业协会", DonorKind.Association, "帐篷×50顶", "灾区") }));
            // 用品 names goods: 用 here says nothing about what a gift is for.
            Assert.That(ReadStrictly("华康防护用品有限公司捐赠口罩1000只。").Single().Donor, Is.EqualTo("华康防护用品有限公司"));
            // Goods in the giver's name make no sum a value of goods.
            Assert.That(ReadStrictly("远东物资贸易有限公司向灾区捐款100万元。").Select(r => (r.Cash?.Value, r.GoodsValue?.Value)),
                Is.EqualTo(new (decimal?, decimal?)[] { (1_000_000m, null) }));
            // The body's name holds its goods word in the receiver's place too.
            Assert.That(Described(ReadStrictly("某公司向金龙口罩制造厂员工捐赠消毒液50箱。")),
                Is.EqualTo(new (string?, DonorKind, string, string)[] { ("某公司", DonorKind.Company, "消毒液×50箱", "金龙口罩制造厂员工") }));
        });
    }

    [Test]
    public void Goods_that_follow_the_giver_s_verb_and_end_in_no_body_s_ending_are_goods()
    {
        Assert.Multiple(() =>
        {
            var machine = ReadStrictly("某公司向食品厂捐赠食品加工设备一套。").Single();
            Assert.That((machine.Donor, machine.Recipients.Single()), Is.EqualTo(("某公司", "食品厂")));
            Assert.That(machine.Items.Select(i => i.Name), Does.Contain("食品加工设备"));
            var line = ReadStrictly("某集团捐赠口罩生产线一条。").Single();
            Assert.That(line.Donor, Is.EqualTo("某集团"));
            Assert.That(line.Items.Select(i => (i.Name, i.Quantity?.Value)), Does.Contain(("口罩生产线", (decimal?)1m)));
            // Words that run on past a body's ending (市场价值) end in none: the goods are given.
            var worth = ReadStrictly("某公司捐赠口罩市场价值10万元。").Single();
            Assert.That((worth.Items.Select(i => i.Name).Single(), worth.GoodsValue?.Value), Is.EqualTo(("口罩", (decimal?)100_000m)));
        });
    }
}
