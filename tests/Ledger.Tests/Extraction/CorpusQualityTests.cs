using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Extraction.Scoring;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

/// <summary>
/// The extractor on 36 real reports from sites and years it was not written from (donor lists,
/// Hong Kong and Macau pages, earthquakes, floods, decoys), scored against their hand-annotated
/// gold exactly as the reference scorer scores them.
/// </summary>
public class CorpusQualityTests
{
    // The bars of the issue that introduced the corpus.
    private const double PrecisionBar = 0.93;
    private const double RecallBar = 0.90;
    private const double DonorBar = 0.90;

    private static ExtractionScore Score() => GoldScoring.Score(Corpus.GoldFile, Corpus.Records, Corpus.Files);

    [Test]
    public void The_corpus_is_extracted_above_the_bars()
    {
        var score = Score();
        TestContext.Out.WriteLine(score.Report(30));

        Assert.Multiple(() =>
        {
            Assert.That(score.Precision, Is.GreaterThanOrEqualTo(PrecisionBar), "precision");
            Assert.That(score.Recall, Is.GreaterThanOrEqualTo(RecallBar), "recall");
            Assert.That(score.Accuracy("donor"), Is.GreaterThanOrEqualTo(DonorBar), "donor accuracy");
        });
    }

    [Test]
    public void Each_central_enterprise_under_the_Zhouqu_total_is_a_gift_of_its_own()
    {
        var line1 = Corpus.Records.Where(r => r.Doc == "a03.txt" && r.Line == 1).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(line1, Has.Count.EqualTo(12));
            Assert.That(line1.Single(r => r.Aggregate).Cash?.Value, Is.EqualTo(31_000_000m));
            Assert.That(line1.Single(r => r.Donor == "中国海油").Cash?.Value, Is.EqualTo(6_000_000m));
            Assert.That(line1.Where(r => !r.Aggregate).Sum(r => r.Cash?.Value), Is.EqualTo(31_000_000m));
        });
    }

    [Test]
    public void Four_teachers_who_each_gave_2000_yuan_are_four_gifts_of_2000() =>
        Assert.That(Corpus.Records.Where(r => r.Doc == "b20.txt" && r.Cash?.Value == 2000m).Select(r => r.Donor),
            Is.SupersetOf(new[] { "程永强", "张志明", "施雪林", "范宏伟" }));

    [Test]
    public void The_Macau_shipping_association_handed_in_10100_patacas_through_its_officers()
    {
        var gift = Corpus.Records.Single(r => r.Doc == "a11.txt" && r.Line == 6);

        Assert.Multiple(() =>
        {
            Assert.That(gift.Donor, Is.EqualTo("澳门船务物流协会"));
            Assert.That(gift.Cash, Is.Null);
            Assert.That(gift.CashOther, Is.EqualTo(new Money(Figure.Exact(10100m), "MOP")));
        });
    }

    [Test]
    public void Statistics_and_pledges_of_the_2024_big_gifts_page_are_no_gifts() =>
        Assert.That(Corpus.Records.Where(r => r.Doc == "a02.txt" && r.Line is 7 or 9 or 19 or 21), Is.Empty);
}
