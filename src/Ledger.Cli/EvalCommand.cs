using Ledger.Extraction;
using Ledger.Extraction.Scoring;

namespace Ledger.Cli;

/// <summary>ledger eval --gold FILE (PATH... | --pred FILE) [--show N] [--year YEAR]</summary>
internal static class EvalCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, "gold", "pred", "show", "year");
        if (options.Error is { } problem) return Usage.Fail(error, "eval", problem);
        if (options.Get("gold") is not { } goldPath) return Usage.Fail(error, "eval", "eval needs --gold FILE");
        var predPath = options.Get("pred");
        if (predPath is null == (options.Paths.Count == 0)) return Usage.Fail(error, "eval", "eval scores either documents (PATH...) or a prediction file (--pred FILE)");
        if (!options.TryGetInt("show", out var show, out var showError) || !options.TryGetInt("year", out var year, out showError))
            return Usage.Fail(error, "eval", showError!);
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
                if (!Documents.TryList(options.Paths, error, out var files)) return 2;
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
