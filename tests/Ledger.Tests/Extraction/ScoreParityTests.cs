using Ledger.Extraction.Scoring;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

/// <summary>
/// The scorer gives what the extraction spec's reference scorer gives. The expected figures and the
/// expected report were produced by that scorer (score.py) on the same files and are kept as fixtures.
/// </summary>
public class ScoreParityTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    private static List<ExchangeRecord> Read(string name) => ExchangeRecord.ReadLines(new StreamReader(DataFile(name)), name);

    private static IEnumerable<string> SeedNames => Seeds.Files.Select(Path.GetFileName)!;

    [Test]
    public void The_gold_scored_against_itself_is_perfect()
    {
        var gold = Read("seeds.gold.jsonl");
        var score = ExtractionScore.Compute(gold, gold);

        Assert.That((score.Predicted, score.Matched, score.Precision, score.Recall, score.F1), Is.EqualTo((133, 76, 1.0, 1.0, 1.0)));
        Assert.That(score.FieldAccuracy.Select(f => f.Accuracy), Is.All.EqualTo(1.0));
    }

    // score.py --gold seeds.gold.jsonl --pred perturbed.predictions.jsonl --docs seeds --json
    [Test]
    public void Perturbed_predictions_score_as_the_reference_scorer_scores_them()
    {
        var score = ExtractionScore.Compute(Read("seeds.gold.jsonl"), Read("perturbed.predictions.jsonl"), SeedNames);

        Assert.Multiple(() =>
        {
            Assert.That((score.GoldScored, score.GoldOptional, score.Predicted, score.Matched), Is.EqualTo((76, 57, 108, 54)));
            Assert.That((score.Precision, score.Recall, score.F1), Is.EqualTo((0.72, 0.7105, 0.7152)));
            Assert.That(score.FieldAccuracy, Is.EqualTo(new (string, double)[]
            {
                ("donor", 0.9259), ("recipients", 1.0), ("cash_cny", 0.9074), ("goods_value_cny", 0.963), ("combined_cny", 0.9815),
                ("qualifiers", 1.0), ("items", 0.8519), ("item_categories", 0.8519), ("date", 0.9815), ("aggregate", 0.9815), ("exact_record", 0.6296),
            }));
        });
    }

    // Without the documents' folder only the gold's documents count: score.py … --json gives 107 predicted.
    [Test]
    public void Predictions_on_documents_outside_the_evaluated_set_do_not_count()
    {
        var score = ExtractionScore.Compute(Read("seeds.gold.jsonl"), Read("perturbed.predictions.jsonl"));

        Assert.That((score.Predicted, score.Precision, score.F1), Is.EqualTo((107, 0.7297, 0.72)));
    }

    [Test]
    public void The_report_reads_line_for_line_as_the_reference_scorer_prints_it()
    {
        var score = ExtractionScore.Compute(Read("seeds.gold.jsonl"), Read("perturbed.predictions.jsonl"), SeedNames);

        Assert.That(score.Report(5), Is.EqualTo(File.ReadAllText(DataFile("perturbed.expected-report.txt"))));
    }

    // Python: f"{0.0625:.3f}" == "0.062", f"{0.7105:.3f}" == "0.711", round(2.675, 2) == 2.67, f"{2.5:.0f}" == "2".
    [TestCase(0.0625, 3, "0.062")]
    [TestCase(0.7105, 3, "0.711")]
    [TestCase(2.675, 2, "2.67")]
    [TestCase(2.5, 0, "2")]
    [TestCase(1.0, 3, "1.000")]
    [TestCase(0.0, 3, "0.000")]
    public void Rounds_the_exact_binary_value_half_to_even_as_python_does(double value, int digits, string expected) =>
        Assert.That(ExtractionScore.RoundExact(value, digits), Is.EqualTo(expected));

    [Test]
    public void A_line_that_is_not_json_is_reported_with_its_file_and_line()
    {
        var error = Assert.Throws<FormatException>(() => ExchangeRecord.ReadLines(new StringReader("{}\n{oops\n"), "bad.jsonl"));
        Assert.That(error!.Message, Does.StartWith("bad.jsonl:2: not JSON"));
    }
}
