using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Cli;

/// <summary>ledger extract PATH... [--format jsonl|table] [--year YEAR]</summary>
internal static class ExtractCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, "format", "year");
        if (options.Error is { } problem) return Usage.Fail(error, problem);
        if (options.Paths.Count == 0) return Usage.Fail(error, "extract needs at least one file or folder");
        var format = options.Get("format") ?? "jsonl";
        if (format is not ("jsonl" or "table")) return Usage.Fail(error, $"--format is jsonl or table, not '{format}'");
        if (!options.TryGetInt("year", out var year, out var yearError)) return Usage.Fail(error, yearError!);
        if (!Documents.TryList(options.Paths, error, out var files)) return 2;

        var records = Extract(files, year);
        if (format == "jsonl")
            foreach (var record in records) output.WriteLine(RecordJson.Write(record));
        else
            RecordTable.Write(records, output);
        return 0;
    }

    public static List<DonationRecord> Extract(IEnumerable<string> files, int? year)
    {
        var extractor = DonationExtractor.Default;
        var options = new ExtractionOptions { Year = year };
        return files.SelectMany(f => extractor.Extract(Documents.Read(f), Path.GetFileName(f), options)).ToList();
    }
}
