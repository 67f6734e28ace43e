using Ledger.Domain;
using Ledger.Text;
using NUnit.Framework;

namespace Ledger.Tests.Text;

/// <summary>A corpus in the style of duckling's: each value and the ways reports write it.</summary>
public class ChineseNumberTests
{
    private static readonly (decimal Value, string[] Forms)[] Exact =
    [
        (60500m, ["60500", "六万零五百", "６０５００"]),
        (35000m, ["3.5万", "三万五千", "三万五", "3万5000", "3万5千"]),
        (12572800m, ["1257.28万"]),
        (3000m, ["三千", "3000", "3,000", "叁仟"]),
        (20000m, ["两万", "二万", "2万"]),
        (120m, ["一百二十", "一百二", "120"]),
        (1200m, ["1,200", "一千二百", "一千二"]),
        (248000m, ["24.8万", "24.8 万"]),
        (150000m, ["壹拾伍万", "十五万", "15万"]),
        (10200m, ["一万零二百", "10200"]),
        (13000m, ["一万三", "一万三千", "1.3万"]),
        (34000m, ["3万4000", "三万四千"]),
        (54600m, ["5万4千6百", "五万四千六百"]),
        (2500m, ["两千五", "二千五百"]),
        (15m, ["十五", "拾伍"]),
        (10m, ["十"]),
        (3_000_000_000_000m, ["三万亿", "3万亿"]),
        (100_000_000m, ["一亿", "1亿"]),
        (120_000_000m, ["一亿二千万", "1.2亿"]),
        (3.5m, ["3.5", "三点五"]),
    ];

    private static IEnumerable<TestCaseData> ExactForms() =>
        Exact.SelectMany(e => e.Forms.Select(f => new TestCaseData(f, e.Value).SetName($"{f} = {e.Value}")));

    [TestCaseSource(nameof(ExactForms))]
    public void Reads_an_exact_number(string form, decimal expected)
    {
        Assert.That(ChineseNumber.TryParse(form, out var value), Is.True);
        Assert.That(value, Is.EqualTo(Figure.Exact(expected)));
    }

    [TestCase("两三百", 250, Qualifier.About, 200, 300)]
    [TestCase("三四十", 35, Qualifier.About, 30, 40)]
    [TestCase("十几万", 100000, Qualifier.AtLeast, 110000, 190000)]
    [TestCase("十几", 10, Qualifier.AtLeast, 11, 19)]
    [TestCase("数千", 1000, Qualifier.AtLeast, 2000, 9000)]
    [TestCase("几十", 10, Qualifier.AtLeast, 20, 90)]
    [TestCase("几百万", 1000000, Qualifier.AtLeast, 2000000, 9000000)]
    public void Keeps_a_vague_count_as_a_range_and_writes_it_with_its_qualifier(string form, decimal value, Qualifier qualifier, decimal low, decimal high)
    {
        Assert.That(ChineseNumber.TryParse(form, out var figure), Is.True);
        Assert.That(figure, Is.EqualTo(new Figure(value, qualifier, low, high)));
    }

    [TestCase("队伍")]
    [TestCase("大陆")]
    [TestCase("陆续")]
    [TestCase("万众一心")]
    [TestCase("千万不要")]
    [TestCase("收拾")]
    [TestCase("数据")]
    public void Finds_no_number_in_words_made_of_numeral_characters(string text)
    {
        var numbers = ChineseNumber.FindAll(text);
        Assert.That(numbers.Where(n => n.Value.Value > 1), Is.Empty, string.Join(",", numbers));
    }

    [Test]
    public void Finds_every_number_in_a_sentence_with_its_place()
    {
        var numbers = ChineseNumber.FindAll("截至2月9日,会员捐款25.55万元,第一批口罩两万只");

        Assert.That(numbers.Select(n => (n.Start, n.Length, n.Value.Value)), Is.EqualTo(new[]
        {
            (2, 1, 2m), (4, 1, 9m), (11, 6, 255500m), (24, 2, 20000m),
        }));
    }

    [Test]
    public void Reads_back_every_number_it_writes_in_chinese()
    {
        var random = new Random(20200209);
        for (var k = 0; k < 2000; k++)
        {
            var n = (long)(random.NextDouble() * Math.Pow(10, random.Next(1, 13)));
            var chinese = ToChinese(n);
            Assert.That(ChineseNumber.TryParse(chinese, out var value), Is.True, chinese);
            Assert.That(value.Value, Is.EqualTo((decimal)n), chinese);
        }
    }

    [Test]
    public void Never_throws_on_arbitrary_text()
    {
        const string alphabet = "零一二两三四五六七八九十百千万亿几数壹拾伍佰仟点.,0123456789 元只余多近";
        foreach (var text in RandomText.Strings(7, alphabet, 5000, 24))
        {
            Assert.DoesNotThrow(() => ChineseNumber.FindAll(text), text);
            Assert.DoesNotThrow(() => ChineseNumber.TryParse(text, out _), text);
        }
    }

    // The standard reading of a number in Chinese numerals, with 零 for skipped places.
    private static string ToChinese(long n)
    {
        if (n == 0) return "零";
        const string digits = "零一二三四五六七八九";
        string Section(long s)
        {
            var units = new[] { "千", "百", "十", "" };
            var result = "";
            var zero = false;
            for (var i = 0; i < 4; i++)
            {
                var d = (int)(s / (long)Math.Pow(10, 3 - i) % 10);
                if (d == 0) { zero = result.Length > 0; continue; }
                if (zero) { result += "零"; zero = false; }
                result += digits[d] + units[i];
            }
            return result;
        }
        var parts = new[] { (n / 100_000_000 % 10_000, "亿"), (n / 10_000 % 10_000, "万"), (n % 10_000, "") };
        var text = "";
        var pendingZero = false;
        foreach (var (section, unit) in parts)
        {
            if (section == 0) { pendingZero = text.Length > 0; continue; }
            if (text.Length > 0 && (pendingZero || section < 1000)) text += "零";
            text += Section(section) + unit;
            pendingZero = false;
        }
        return text;
    }
}
