using Ledger.Text;
using NUnit.Framework;

namespace Ledger.Tests.Text;

public class TextNormalizerTests
{
    private static string Normalized(string raw) => TextNormalizer.Normalize(raw).Text;

    [TestCase("國家衛生健康委員會", "国家卫生健康委员会")]
    [TestCase("醫藥公司捐贈口罩一萬隻", "医药公司捐赠口罩一万只")]
    [TestCase("護目鏡、消毒液與麵粉", "护目镜、消毒液与面粉")]
    [TestCase("臺灣同胞慷慨解囊,為醫院購買呼吸機", "台湾同胞慷慨解囊,为医院购买呼吸机")]
    [TestCase("紅十字會接收捐款", "红十字会接收捐款")]
    public void Simplifies_traditional_text_beyond_the_seeds(string traditional, string simplified) =>
        Assert.That(Normalized(traditional), Is.EqualTo(simplified));

    [Test]
    public void Leaves_simplified_text_as_written_even_where_a_name_keeps_a_traditional_character() =>
        Assert.That(Normalized("哈尔滨朗昇电气董事长陈满生著名企业家,乾坤未定"), Is.EqualTo("哈尔滨朗昇电气董事长陈满生著名企业家,乾坤未定"));

    [TestCase("阻擊戰(zhàn)貢獻", "阻击战贡献")]
    [TestCase("發(fā)揮協(xié)調作用", "发挥协调作用")]
    [TestCase("戰（zhàn dòu）", "战")]
    [TestCase("中国北部(蛟河)石材", "中国北部(蛟河)石材")]
    [TestCase("防疫物资1200余件(套)", "防疫物资1200余件(套)")]
    [TestCase("医用防护口罩(KN95)", "医用防护口罩(KN95)")]
    [TestCase("坚守第一道防线的责任担当(奋勇当先践使命)", "坚守第一道防线的责任担当(奋勇当先践使命)")]
    public void Removes_pinyin_debris_but_keeps_real_parentheses(string raw, string expected) =>
        Assert.That(Normalized(raw), Is.EqualTo(expected));

    [TestCase("昌邑区 50 余家非公党组织", "昌邑区50余家非公党组织")]
    [TestCase("捐赠了 100 套防护服", "捐赠了100套防护服")]
    [TestCase("截至 3 月 5 日，共捐款 24.8 万元", "截至3月5日,共捐款24.8万元")]
    [TestCase("ＫＮ９５口罩５０００只！", "KN95口罩5000只!")]
    [TestCase("医用 N95 mask 口罩", "医用N95 mask口罩")]
    public void Folds_full_width_forms_and_removes_stray_spaces(string raw, string expected) =>
        Assert.That(Normalized(raw), Is.EqualTo(expected));

    [Test]
    public void Rejoins_a_sentence_broken_across_a_page_and_maps_it_to_the_line_it_starts_on()
    {
        var document = TextNormalizer.Normalize(Seeds.Text("000_2e732f4b54f1ae42.txt"));

        var russian = document.Sentences.Single(s => s.Text.Contains("布拉格维申斯克市政府", StringComparison.Ordinal));
        var zhao = document.Sentences.Single(s => s.Text.Contains("赵国良先后向哈医大一院", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(russian.Line, Is.EqualTo(381));
            Assert.That(document.LineAt(russian.Start + russian.Text.IndexOf("维申斯克", StringComparison.Ordinal)), Is.EqualTo(383));
            Assert.That(zhao.Line, Is.EqualTo(379));
        });
    }

    [Test]
    public void Rejoins_newspaper_lines_wrapped_every_fifteen_characters_but_keeps_headings_apart()
    {
        var document = TextNormalizer.Normalize(Seeds.Text("001_7fe243ce3c7a20ec.txt"));
        var paragraphs = document.Paragraphs.Select(p => document.Text.Substring(p.Start, p.Length)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(document.Text, Does.Contain("2月15日,黑龙江某置地公司将20万元爱心专款送到南岗区新春街道办事处后"));
            Assert.That(paragraphs, Does.Contain("各级单位集结"));
            Assert.That(paragraphs, Does.Contain("展现“逆行担当”"));
        });
    }

    [Test]
    public void Reads_the_traditional_bulletin_in_simplified_characters_without_pinyin()
    {
        var text = Normalized(Seeds.Text("004_f2452ddb75c7bb69.txt"));

        Assert.That(text, Does.Contain("九三学社七台河市委为打赢疫情防控阻击战贡献智慧和力量"));
        Assert.That(text, Does.Not.Contain("(zhàn)"));
    }

    [Test]
    public void Keeps_markdown_headings_as_paragraphs_of_their_own()
    {
        var document = TextNormalizer.Normalize("## 危难时刻心系家国 党派团体全力驰援显身手\n\n全民“战疫”,人人有责。");

        Assert.That(document.Paragraphs, Has.Count.EqualTo(2));
        Assert.That(document.Sentences.Select(s => (s.Text, s.Line)), Is.EqualTo(new[]
        {
            ("危难时刻心系家国党派团体全力驰援显身手", 1), ("全民“战疫”,人人有责。", 3),
        }));
    }

    [Test]
    public void Cuts_sentences_after_their_closing_quote()
    {
        var document = TextNormalizer.Normalize("他说:“我们一定能赢。”随后捐款1万元。");

        Assert.That(document.Sentences.Select(s => s.Text), Is.EqualTo(new[] { "他说:“我们一定能赢。”", "随后捐款1万元。" }));
    }

    [TestCase("a\r\nb\r\nc")]
    [TestCase("a\rb\rc")]
    [TestCase("a\nb\nc")]
    public void Counts_lines_whatever_their_endings(string raw) =>
        Assert.That(TextNormalizer.Normalize(raw).Sentences.Select(s => s.Line), Is.EqualTo(new[] { 1, 2, 3 }));

    [Test]
    public void Never_throws_on_arbitrary_characters()
    {
        foreach (var raw in RandomText.Strings(3, "戰(zhàn)，。 \n\r\t#“”２0１", 2000, 200))
            Assert.DoesNotThrow(() => TextNormalizer.Normalize(raw));
        Assert.DoesNotThrow(() => TextNormalizer.Normalize(null!));
    }
}
