using System.CommandLine;
using Ledger.Extraction;
using Ledger.Extraction.Scoring;

namespace Ledger.Cli;

/// <summary>ledger eval --gold FILE (PATH... | --pred FILE) [--show N] [--year YEAR]</summary>
internal static class EvalCommand
{
    public static Command Command()
    {
        var paths = Take.Paths(atLeast: 0);
        var gold = Take.Text("--gold", "FILE", "the gold records, JSON Lines in the exchange format", required: true);
        var pred = Take.Text("--pred", "FILE", "records to score instead of extracting PATH..., JSON Lines in the exchange format");
        var show = Take.WholeNumber("--show", "N", "how many missed and spurious records to list (all by default)");
        var year = Take.Year();
        var command = Usage.Command("eval");
        command.Add(paths);
        command.Add(gold);
        command.Add(pred);
        command.Add(show);
        command.Add(year);
        command.Validators.Add(result =>
        {
            if (result.GetValue(pred) is null == (result.GetValue(paths) is null or []))
                result.AddError("eval scores either documents (PATH...) or a prediction file (--pred FILE)");
        });
        command.SetAction(parsed => Run(parsed.GetRequiredValue(gold), parsed.GetValue(pred), parsed.GetValue(paths) ?? [], parsed.GetValue(show), parsed.GetValue(year),
            Console.Out, Console.Error));
        return command;
    }

    private static int Run(string goldPath, string? predPath, IReadOnlyList<string> paths, int? show, int? year, TextWriter output, TextWriter error)
    {
        foreach (var file in (string?[])[goldPath, predPath])
        {
            if (file is not null && !File.Exists(file))
            {
                error.WriteLine($"ledger: no such file: {file}");
                return 2;
            }
        }

        try
        {
            var golds = ReadJsonLines(goldPath);
            List<ExchangeRecord> predictions;
            var docs = new List<string>();
            if (predPath is not null) predictions = ReadJsonLines(predPath);
            else
            {
                if (!Documents.TryList(paths, error, out var files)) return 2;
                docs.AddRange(files.Select(Path.GetFileName)!);
                predictions = ExtractCommand.Extract(files, year)
                    .Select(r => ExchangeRecord.ReadLines(new StringReader(RecordJson.Write(r)), "extracted")[0]).ToList();
            }
            var score = ExtractionScore.Compute(golds, predictions, docs);
            output.Write(score.Report(show ?? Math.Max(score.Missed.Count, score.Spurious.Count)));
            return 0;
        }
        catch (FormatException e)
        {
            error.WriteLine($"ledger: {e.Message}");
            return 2;
        }
    }

    private static List<ExchangeRecord> ReadJsonLines(string path)
    {
        using var reader = new StreamReader(path);
        return ExchangeRecord.ReadLines(reader, path);
    }
}
