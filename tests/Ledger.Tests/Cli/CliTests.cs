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
    public void Extract_of_a_folder_read_on_every_core_prints_what_one_core_prints_in_file_order()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ledger-folder-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // Large and small reports interleaved, so that later files are done before earlier ones.
            var seeds = Seeds.Files.ToList();
            for (var copy = 0; copy < 6; copy++)
                foreach (var seed in seeds)
                    File.Copy(seed, Path.Combine(folder, $"{copy}{Path.GetFileName(seed)[..3]}-{copy}.txt"));
            var expected = new System.Text.StringBuilder();
            foreach (var file in Directory.GetFiles(folder, "*.txt").OrderBy(Path.GetFileName, StringComparer.Ordinal))
                foreach (var record in Ledger.Extraction.DonationExtractor.Default.Extract(File.ReadAllText(file), Path.GetFileName(file)))
                    expected.Append(Ledger.Extraction.RecordJson.Write(record)).Append(Environment.NewLine);

            var result = LedgerCli.Run("extract", folder);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            Assert.That(result.Output, Is.EqualTo(expected.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Extract_prints_a_table_with_qualifiers_for_bounds()
    {
        var result = LedgerCli.Run("extract", Path.Combine(Seeds.Folder, "000_2e732f4b54f1ae42.txt"), "--format", "table");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output.TrimStart(), Does.StartWith("doc:line"));
        Assert.That(result.Output, Does.Contain("≥30,000,000"));
        Assert.That(result.Output, Does.Contain("赵国良"));
    }

    [Test]
    public void Tables_align_chinese_names_by_display_width_and_fit_the_terminal()
    {
        using var ledger = new Ledger.Tests.Storage.TemporaryLedger();
        LedgerCli.Run("ingest", Seeds.Folder, "--db", ledger.Setting);

        var totals = LedgerCli.RunWith(new Dictionary<string, string> { ["COLUMNS"] = "100" }, "totals", "--by", "donor", "--db", ledger.Setting);
        var records = LedgerCli.RunWith(new Dictionary<string, string> { ["COLUMNS"] = "100" }, "extract", Seeds.Folder, "--format", "table");

        Assert.That(totals.ExitCode, Is.EqualTo(0), totals.Error);
        foreach (var output in new[] { totals.Output, records.Output })
            Assert.That(output.Split('\n').Max(DisplayWidth), Is.LessThanOrEqualTo(100));
        // The cash column starts at the same display column in the header and in the rows, whatever the names' scripts.
        var lines = totals.Output.Split('\n');
        var cashColumn = DisplayWidth(lines.First(l => l.Contains("cash"))[..lines.First(l => l.Contains("cash")).IndexOf("cash", StringComparison.Ordinal)]);
        var wu = lines.Single(l => l.Contains("吴庆和"));
        Assert.That(DisplayWidth(wu[..wu.IndexOf("2,000,000", StringComparison.Ordinal)]), Is.EqualTo(cashColumn));
    }

    // A Chinese character (and other wide ones) takes two columns of a terminal.
    private static int DisplayWidth(string text) =>
        text.TrimEnd('\r').EnumerateRunes().Sum(r => r.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 ? 2 : 1);

    [TestCase("utf-8 with a byte-order mark")]
    [TestCase("utf-16")]
    [TestCase("utf-16BE")]
    [TestCase("utf-32")]
    public void Extract_reads_a_report_in_the_encoding_its_byte_order_mark_names(string encoding)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-encoded-{Guid.NewGuid():N}.txt");
        var text = "某公司向医院捐款20万元。";
        var chosen = encoding == "utf-8 with a byte-order mark" ? new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)
            : encoding == "utf-16BE" ? System.Text.Encoding.BigEndianUnicode : System.Text.Encoding.GetEncoding(encoding);
        File.WriteAllBytes(file, [.. chosen.GetPreamble(), .. chosen.GetBytes(text)]);
        try
        {
            var result = LedgerCli.Run("extract", file);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            Assert.That(result.Output, Does.Contain("\"cash_cny\":200000").And.Contain("某公司"));
        }
        finally
        {
            File.Delete(file);
        }
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

    [TestCase("extract", "--format xml", "extract", "--format", "xml", "seeds")]
    [TestCase("eval", "--gold", "eval", "seeds")]
    [TestCase("totals", "--colour", "totals", "--colour", "red", "--db", "x.db")]
    [TestCase("extract", "--year", "extract", "--year", "twenty", "seeds")]
    [TestCase("totals", "--by", "totals", "--by", "colour", "--db", "x.db")]
    [TestCase("show", "ORGANIZATION", "show", "--db", "x.db")]
    public void A_wrong_command_line_says_the_one_thing_that_is_wrong_and_how_the_command_is_called(string command, string wrong, params string[] args)
    {
        var result = LedgerCli.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith($"ledger {command}: ").And.Contain(wrong.Split(' ')[0]));
        Assert.That(lines[1], Does.StartWith($"usage: ledger {command} "));
    }

    [TestCase("totls", "did you mean 'totals'")]
    [TestCase("ingets", "did you mean 'ingest'")]
    [TestCase("frobnicate", "the commands are extract, eval, ingest, totals, show, reextract")]
    public void An_unknown_command_is_named_with_the_nearest_one(string command, string said)
    {
        var result = LedgerCli.Run(command);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"'{command}' is not a command").And.Contain(said));
    }

    [TestCase("extract")]
    [TestCase("eval")]
    [TestCase("ingest")]
    [TestCase("totals")]
    [TestCase("reextract")]
    [TestCase("show")]
    public void Each_command_has_its_own_help(string command)
    {
        var result = LedgerCli.Run(command, "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.StartWith($"usage: ledger {command} ").And.Contain("exit codes:"));
        Assert.That(result.Output, Does.Not.Contain(command == "eval" ? "ledger extract" : "ledger eval"));
    }

    [Test]
    public void Each_commands_help_says_what_each_option_is()
    {
        var result = LedgerCli.Run("totals", "--help");

        Assert.That(result.Output, Does.Contain("--by donor|recipient|donor-kind|category|month|document  what the totals are grouped by"));
        Assert.That(result.Output, Does.Contain("--db LEDGER").And.Contain("PostgreSQL connection string (required)"));
    }

    [Test]
    public void An_option_takes_its_value_after_an_equals_sign_too()
    {
        using var ledger = new Ledger.Tests.Storage.TemporaryLedger();
        LedgerCli.Run("ingest", Seeds.Folder, $"--db={ledger.Setting}");

        var spaced = LedgerCli.Run("totals", "--by", "category", "--db", ledger.Setting, "--format", "csv");
        var joined = LedgerCli.Run("totals", "--by=category", $"--db={ledger.Setting}", "--format=csv");

        Assert.That(joined.ExitCode, Is.EqualTo(0), joined.Error);
        Assert.That(joined.Output, Does.StartWith("key,name,cash_cny").And.EqualTo(spaced.Output));
    }

    [TestCase("ledger to", "totals")]
    [TestCase("ledger totals --by do", "donor\ndonor-kind")]
    [TestCase("ledger totals --format ", "csv\njson\ntable")]
    public void The_suggest_directive_completes_commands_options_and_their_words(string line, string completions)
    {
        var result = LedgerCli.Run($"[suggest:{line.Length}]", line);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output.ReplaceLineEndings("\n"), Does.Contain(completions));
    }

    [Test]
    public void Version_says_the_tools_the_extractors_and_the_schemas()
    {
        var result = LedgerCli.Run("--version");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output.Trim(), Does.Match(@"^ledger \d+\.\d+\.\d+ \(extractor \d+\.\d+\.\d+, ledger schema \d+\)$"));
        Assert.That(result.Output, Does.Contain(Ledger.Extraction.DonationExtractor.Version));
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

    [Test]
    public void Ingest_then_totals_through_the_command_line()
    {
        using var ledger = new Ledger.Tests.Storage.TemporaryLedger();

        var first = LedgerCli.Run("ingest", Seeds.Folder, "--db", ledger.Setting);
        var again = LedgerCli.Run("ingest", Seeds.Folder, "--db", ledger.Setting);
        var totals = LedgerCli.Run("totals", "--by", "donor", "--db", ledger.Setting, "--format", "json");
        var csv = LedgerCli.Run("totals", "--by", "category", "--db", ledger.Setting, "--format", "csv");
        var plan = LedgerCli.Run("reextract", "--db", ledger.Setting);

        Assert.Multiple(() =>
        {
            Assert.That(first.Output, Does.StartWith("documents: 5 new, 0 unchanged, 0 replaced"));
            Assert.That(first.Error, Does.Contain("[1/5] 000_2e732f4b54f1ae42.txt: new"));
            Assert.That(again.Output, Does.StartWith("documents: 0 new, 5 unchanged, 0 replaced"));
            using var json = JsonDocument.Parse(totals.Output);
            var wu = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "吴庆和");
            Assert.That(wu.GetProperty("cash_cny").GetDecimal(), Is.EqualTo(2_000_000m));
            Assert.That(wu.GetProperty("reported_cash_cny").GetDecimal(), Is.EqualTo(2_000_000m));
            Assert.That(csv.Output, Does.StartWith("key,name,cash_cny,cash_qualifier"));
            Assert.That(plan.Output.Trim(), Is.EqualTo("no changes"));
        });
    }

    [Test]
    public void Ingest_reads_a_folder_with_figures_beyond_any_gift_to_the_end_and_keeps_them_unread()
    {
        using var ledger = new Ledger.Tests.Storage.TemporaryLedger();
        var folder = Path.Combine(Path.GetTempPath(), $"ledger-hostile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "1-overflow.txt"), "捐赠通报\n\n某某癸公司向某医院捐款92233720368547758元。\n");
        File.WriteAllText(Path.Combine(folder, "2-decimal.txt"), "捐赠通报\n\n某公司捐款9999999999999999999999999999元。\n");
        File.WriteAllText(Path.Combine(folder, "3-fine.txt"), "捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款200万元。\n");
        try
        {
            var ingest = LedgerCli.Run("ingest", folder, "--db", ledger.Setting);
            var totals = LedgerCli.Run("totals", "--by", "month", "--db", ledger.Setting, "--format", "json");

            Assert.That(ingest.ExitCode, Is.EqualTo(0), ingest.Error);
            Assert.That(ingest.Output, Does.StartWith("documents: 3 new"));
            Assert.That(totals.ExitCode, Is.EqualTo(0), totals.Error);
            using var json = JsonDocument.Parse(totals.Output);
            Assert.That(json.RootElement.EnumerateArray().Sum(m => m.GetProperty("cash_cny").GetDecimal()), Is.EqualTo(2_000_000m));
            Assert.That(new Ledger.Storage.Audit(ledger.Database).UnreadFigures().Select(u => u.What), Has.Exactly(2).StartsWith("beyond any one gift"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Show_prints_an_organizations_page_with_what_it_gave_and_the_sentences()
    {
        using var ledger = new Ledger.Tests.Storage.TemporaryLedger();
        LedgerCli.Run("ingest", Seeds.Folder, "--db", ledger.Setting);

        var zhao = LedgerCli.Run("show", "赵国良", "--db", ledger.Setting);
        var hospital = LedgerCli.Run("show", "哈医大一院", "--db", ledger.Setting);
        var nobody = LedgerCli.Run("show", "无此捐赠人", "--db", ledger.Setting);
        var several = LedgerCli.Run("show", "哈尔滨", "--db", ledger.Setting);

        Assert.That(zhao.ExitCode, Is.EqualTo(0), zhao.Error);
        Assert.That(zhao.Output, Does.StartWith("赵国良 (person, id ").And.Contain("given").And.Contain("50,000").And.Contain("gifts: 2").And.Contain("市政协委员赵国良"));
        Assert.That(hospital.Output, Does.StartWith("哈尔滨医科大学附属第一医院 (hospital").And.Contain("received with others").And.Contain("gifts received"));
        Assert.That((nobody.ExitCode, several.ExitCode), Is.EqualTo((2, 2)));
        Assert.That(nobody.Error, Does.Contain("no organization is known as '无此捐赠人'"));
        Assert.That(several.Error, Does.Contain("names more than 10 organizations; give one's id"));
    }

    [Test]
    public void Totals_of_a_missing_ledger_is_a_clear_error()
    {
        var result = LedgerCli.Run("totals", "--by", "donor", "--db", "no-such.db");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("no such ledger"));
    }
}
