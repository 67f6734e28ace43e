using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

/// <summary>Whatever it is given, the extractor answers with records that point into the text, and never throws.</summary>
public class ExtractorPropertyTests
{
    private static readonly DonationExtractor Extractor = new(strict: true);

    // Sentences of the kind reports are made of, mixed with noise, so that generated texts reach the rules.
    private static readonly string[] Fragments =
    [
        "92233720368547758元", "捐款-5000元", "1e308元", "一万亿亿亿元", "9999999999999999999999999999元",
        "某公司向医院捐赠口罩2万只", "捐款3000余万元", ",", "。", "\n", "\n\n", "其中", "截至2月9日", "價值5萬元", "戰(zhàn)",
        "他又", "委员", "赵国良", "共计", "、", "等", "防护服370套", "近3万元", "两三百", "十几万", "壹拾伍万元", " ", "　", "“", "”",
        "向", "为", "通过", "红十字会", "1,200", "捐", "倡议", "由", "协调", "代表", "所属", "1. ", "名单如下", "\t", "5万美元", "\r",
    ];

    private static Gen<string> ReportLike() =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")))
            .Select(parts => string.Concat(parts));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Never_throws_and_every_record_points_at_a_line_of_the_text_with_believable_figures() =>
        Prop.ForAll(ReportLike().ToArbitrary(), text =>
        {
            var records = Extractor.Extract(text, "generated.txt");
            // Old Mac files break lines with a lone \r.
            var lines = Math.Max(text.Split('\n').Length, text.Split('\r').Length);
            var document = Squashed(Ledger.Text.TextNormalizer.Normalize(text).Text);
            return records.All(r => r.Line >= 1 && r.Line <= lines && r.Evidence.Length is > 0 and <= 300 && r.Doc == "generated.txt"
                                    && new[] { r.Cash, r.GoodsValue, r.Combined }.All(f => f is null || f.Value.Value is > 0 and <= Ledger.Domain.Limits.MostYuan)
                                    && r.Items.All(i => i.Quantity is null || i.Quantity.Value.Value is > 0 and <= Ledger.Domain.Limits.MostQuantity)
                                    && document.Contains(Squashed(r.Evidence), StringComparison.Ordinal));
        });

    // The evidence is read across line breaks and spaces; what it says stands in the document in that order.
    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Never_throws_on_arbitrary_strings(string text) => Extractor.Extract(text, "any.txt") is not null;

    [Test]
    public void A_long_document_read_in_parts_gives_the_records_it_gives_read_whole()
    {
        // The seeds one after another, newspaper pages with a blank line after every line among them, cut into parts of 16 K characters.
        var text = string.Join("\n\n", Directory.GetFiles(Seeds.Folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var whole = new DonationExtractor(strict: true, partLength: int.MaxValue).Extract(text, "seeds.txt");
        var parts = new DonationExtractor(strict: true, partLength: 16 * 1024).Extract(text, "seeds.txt");

        Assert.That(text.Length, Is.GreaterThan(4 * 16 * 1024));
        Assert.That(parts.Select(RecordJson.Write), Is.EqualTo(whole.Select(RecordJson.Write)));
    }

    [Test]
    public void Never_throws_on_binary_garbage_read_as_utf8()
    {
        var random = new Random(42);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        var text = new UTF8Encoding(false, false).GetString(bytes);

        Assert.DoesNotThrow(() => Extractor.Extract(text, "binary.bin"));
    }

    [Test]
    public void Never_throws_on_empty_or_missing_input()
    {
        Assert.That(Extractor.Extract("", ""), Is.Empty);
        Assert.That(Extractor.Extract(null!, null!), Is.Empty);
        Assert.That(Extractor.Extract("\n\n\n   \t", "blank.txt"), Is.Empty);
    }

    [Test]
    public void Reads_a_huge_document_of_mixed_scripts_line_for_line()
    {
        var seeds = string.Join("\n", Seeds.Files.Select(File.ReadAllText));
        var huge = new StringBuilder();
        var copies = 0;
        for (; huge.Length < 5_000_000; copies++) huge.Append(seeds).Append("\nSome English, русский текст, 日本語のテキスト, 한국어.\n");
        var text = huge.ToString();

        var records = Extractor.Extract(text, "huge.txt");

        Assert.That(records, Has.Count.EqualTo(Seeds.Records.Count * copies));
        Assert.That(records.Max(r => r.Line), Is.LessThanOrEqualTo(text.Split('\n').Length));
    }

    [TestCase("19٣٤年第1期\n某公司向医院捐款20万元。")]
    [TestCase("2020年٣月٤日,某公司向医院捐款20万元。")]
    [TestCase("٢٠٢٠\n某公司向医院捐款20万元。")]
    public void Never_throws_on_digits_of_other_scripts_where_dates_go(string text)
    {
        var records = Extractor.Extract(text, "digits.txt");

        Assert.That(records.Single().Cash?.Value, Is.EqualTo(200_000m));
    }

    // A report pasted as one line: 4,650 gifts in one sentence of about 200 KB with no full stop.
    private static readonly string LongLine = string.Concat(Enumerable.Repeat("某公司向某医院捐赠口罩1000只，", 4650));

    [Test]
    public void Reads_every_gift_of_a_sentence_of_thousands_with_evidence_of_its_own_clause()
    {
        var records = Extractor.Extract(LongLine, "long.txt");

        Assert.That(records, Has.Count.EqualTo(4650));
        Assert.That(records.Select(r => r.Evidence), Has.All.EqualTo("某公司向某医院捐赠口罩1000只"));
        Assert.That(records.Select(r => r.Line), Has.All.EqualTo(1));
        Assert.That(records.Select(r => r.Items.Single().Quantity?.Value), Has.All.EqualTo(1000m));
    }

    [Test]
    public void Evidence_is_the_whole_sentence_when_short_and_never_longer_than_the_bound()
    {
        var gift = "某公司向某医院捐赠口罩1000只";
        // One long clause: the gift's own clause is cut to the bound too.
        var longClause = "某公司向某医院捐赠口罩1000只" + new string('好', 2 * Evidence.MaxLength) + "。";

        var shortOne = Extractor.Extract($"  {gift}。\n", "short.txt").Single();
        var cut = Extractor.Extract(longClause, "long-clause.txt");

        Assert.That(shortOne.Evidence, Is.EqualTo($"{gift}。"));
        Assert.That(cut, Is.Not.Empty);
        Assert.That(cut.Select(r => r.Evidence.Length), Has.All.LessThanOrEqualTo(Evidence.MaxLength));
        Assert.That(cut.Select(r => r.Evidence), Has.All.StartWith(gift));
    }

    [Test]
    public void Is_safe_to_share_between_threads()
    {
        var texts = Seeds.Files.Select(File.ReadAllText).ToArray();
        var expected = texts.Select(t => Extractor.Extract(t, "x").Select(RecordJson.Write).ToList()).ToArray();

        Parallel.For(0, 40, i =>
        {
            var k = i % texts.Length;
            Assert.That(Extractor.Extract(texts[k], "x").Select(RecordJson.Write), Is.EqualTo(expected[k]));
        });
    }
}
