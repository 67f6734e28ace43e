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
        "某公司向医院捐赠口罩2万只", "捐款3000余万元", ",", "。", "\n", "\n\n", "其中", "截至2月9日", "價值5萬元", "戰(zhàn)",
        "他又", "委员", "赵国良", "共计", "、", "等", "防护服370套", "近3万元", "两三百", "十几万", "壹拾伍万元", " ", "　", "“", "”",
        "向", "为", "通过", "红十字会", "1,200", "捐", "倡议", "由", "协调", "代表", "所属", "1. ", "名单如下", "\t", "5万美元", "\r",
    ];

    private static Gen<string> ReportLike() =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")))
            .Select(parts => string.Concat(parts));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Never_throws_and_every_record_points_at_a_line_of_the_text() =>
        Prop.ForAll(ReportLike().ToArbitrary(), text =>
        {
            var records = Extractor.Extract(text, "generated.txt");
            // Old Mac files break lines with a lone \r.
            var lines = Math.Max(text.Split('\n').Length, text.Split('\r').Length);
            return records.All(r => r.Line >= 1 && r.Line <= lines && r.Evidence.Length > 0 && r.Doc == "generated.txt"
                                    && (r.Cash?.Value ?? 0) >= 0 && (r.GoodsValue?.Value ?? 0) >= 0 && (r.Combined?.Value ?? 0) >= 0);
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Never_throws_on_arbitrary_strings(string text) => Extractor.Extract(text, "any.txt") is not null;

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
