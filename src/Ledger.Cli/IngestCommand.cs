using System.CommandLine;
using Ledger.Storage;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>ledger ingest PATH... --db LEDGER [--year YEAR]</summary>
internal static class IngestCommand
{
    public static Command Command()
    {
        var paths = Take.Paths(atLeast: 1);
        var db = Take.Ledger(description: "the ledger, made if it is not there: a SQLite file, or a PostgreSQL connection string");
        var year = Take.Year();
        var command = Usage.Command("ingest");
        command.Add(paths);
        command.Add(db);
        command.Add(year);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetRequiredValue(db), parsed.GetValue(year), Console.Out, Console.Error));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, string db, int? year, TextWriter output, TextWriter error)
    {
        if (!Documents.TryList(paths, error, out var files)) return 2;
        if (LedgerFile.Open(db, error) is not { } database) return 2;

        var ingestion = new Ingestion(database);
        var results = new List<IngestResult>();
        var failed = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Read on every core a batch at a time, written a batch a transaction; one bad document is reported and left out, the others go on.
        var sources = files.Select(file => new DocumentSource(Path.GetFileName(file), () => Documents.Read(file)));
        void Count(IngestResult result)
        {
            if (result.Outcome == IngestOutcome.Failed) failed.Add($"{result.Document}: not ingested: {result.Error}");
            else results.Add(result);
        }
        // On a terminal a progress bar (documents, records, rate); otherwise, as in a log, a line a document.
        if (!Console.IsErrorRedirected && ReferenceEquals(error, Console.Error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("reading", maxValue: Math.Max(1, files.Count));
                    foreach (var result in ingestion.IngestMany(sources, year))
                    {
                        Count(result);
                        task.Increment(1);
                        var records = results.Sum(r => r.Records);
                        task.Description = $"{results.Count + failed.Count:N0}/{files.Count:N0} documents, {records:N0} records, {records / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s";
                    }
                });
            foreach (var line in failed) error.WriteLine(line);
        }
        else
        {
            foreach (var result in ingestion.IngestMany(sources, year))
            {
                Count(result);
                var at = results.Count + failed.Count;
                error.WriteLine(result.Outcome == IngestOutcome.Failed
                    ? $"[{at}/{files.Count}] {failed[^1]}"
                    : $"[{at}/{files.Count}] {result.Document}: {result.Outcome.ToString().ToLowerInvariant()}, {result.Records} records");
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        error.WriteLine($"{results.Sum(r => r.Records):N0} records in {seconds:0.0} s ({results.Sum(r => r.Records) / Math.Max(seconds, 0.001):N0} records/s)");
        output.WriteLine($"documents: {results.Count(r => r.Outcome == IngestOutcome.New)} new, {results.Count(r => r.Outcome == IngestOutcome.Unchanged)} unchanged, {results.Count(r => r.Outcome == IngestOutcome.Replaced)} replaced"
                         + (failed.Count > 0 ? $", {failed.Count} failed" : ""));
        output.WriteLine($"records: {results.Sum(r => r.Records)}");
        output.WriteLine($"donations: {results.Sum(r => r.NewDonations)} new, {results.Sum(r => r.JoinedReports)} repeated reports joined");
        // 1: some documents could not be ingested (2 stays the exit code of a command that could not start).
        return failed.Count > 0 ? 1 : 0;
    }
}
