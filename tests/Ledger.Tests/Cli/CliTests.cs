using System.Text.Json;
using NUnit.Framework;

namespace Ledger.Tests.Cli;

public class CliTests
{
    [Test]
    public void Extract_prints_the_records_of_a_folder_as_json_lines()
    {
        var result = LedgerCli.Run("extract", Seeds.Folder);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(Seeds.Records.Count));
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.That(first.GetProperty("donor").GetString(), Is.EqualTo("赵国良"));
        Assert.That(first.GetProperty("goods_value_cny").GetDecimal(), Is.EqualTo(50000m));
    }

    [Test]
    public void Extract_prints_a_table_with_qualifiers_for_bounds()
    {
        var result = LedgerCli.Run("extract", Path.Combine(Seeds.Folder, "000_2e732f4b54f1ae42.txt"), "--format", "table");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.StartWith("doc:line"));
        Assert.That(result.Output, Does.Contain("≥30,000,000"));
        Assert.That(result.Output, Does.Contain("赵国良"));
    }

    [Test]
    public void Extract_reads_damaged_utf8_without_stopping()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-damaged-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(file, [.. System.Text.Encoding.UTF8.GetBytes("某公司向医院捐款"), 0xFF, 0xFE, .. System.Text.Encoding.UTF8.GetBytes("20万元。")]);
        try
        {
            var result = LedgerCli.Run("extract", file);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            Assert.That(result.Output, Does.Contain("\"cash_cny\":200000"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_missing_path_is_a_clear_error()
    {
        var result = LedgerCli.Run("extract", "no-such-folder");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("no such file or folder: no-such-folder"));
        Assert.That(result.Output, Is.Empty);
    }

    [TestCase("frobnicate")]
    [TestCase("extract", "--format", "xml", "seeds")]
    [TestCase("eval", "seeds")]
    public void A_wrong_command_line_shows_the_usage(params string[] args)
    {
        var result = LedgerCli.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("usage:"));
    }

    [Test]
    public void Eval_prints_the_reference_scorers_report_and_what_was_missed()
    {
        var result = LedgerCli.Run("eval", "--gold", Seeds.GoldFile, Seeds.Folder);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var lines = result.Output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("gold records: 76 scored, 57 optional"));
        Assert.That(lines[2], Does.Match(@"^precision \d\.\d{3}  recall \d\.\d{3}  F1 \d\.\d{3}$"));
        Assert.That(lines[3], Is.EqualTo("field accuracy over matched records:"));
        Assert.That(lines[4], Does.Match(@"^  donor            \d\.\d{3}$"));
        Assert.That(result.Output, Does.Contain("missed gold records"));
        Assert.That(result.Output, Does.Contain("unmatched predictions"));
    }

    [Test]
    public void Eval_scores_a_prediction_file_as_the_reference_scorer_does()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Data");
        var result = LedgerCli.Run("eval", "--gold", Seeds.GoldFile, "--pred", Path.Combine(data, "perturbed.predictions.jsonl"), "--show", "5");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.StartWith("gold records: 76 scored, 57 optional\npredicted: 107, matched: 54\nprecision 0.730  recall 0.711  F1 0.720\n"));
    }
}
