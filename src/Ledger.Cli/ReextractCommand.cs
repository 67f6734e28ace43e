using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger reextract --db LEDGER [--apply]</summary>
internal static class ReextractCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var apply = args.Contains("--apply");
        var options = Options.Parse(args.Where(a => a != "--apply").ToList(), "db");
        if (options.Error is { } problem) return Usage.Fail(error, "reextract", problem);
        if (options.Get("db") is not { } db) return Usage.Fail(error, "reextract", "reextract needs --db LEDGER, an existing ledger");
        if (!LedgerFile.Exists(db, error)) return 2;
        if (LedgerFile.Open(db, error) is not { } database) return 2;

        var reextraction = new Reextraction(database);
        var changes = apply ? reextraction.Apply() : reextraction.Plan();
        foreach (var change in changes)
        {
            output.WriteLine($"{change.Document} (read by extractor {change.StoredVersion}): {change.Added.Count} added, {change.Removed.Count} removed");
            foreach (var record in change.Removed) output.WriteLine($"  - {record} | {record.Evidence}");
            foreach (var record in change.Added) output.WriteLine($"  + {record} | {record.Evidence}");
        }
        output.WriteLine(changes.Count == 0 ? "no changes" : apply ? $"applied to {changes.Count} documents" : $"{changes.Count} documents would change; run again with --apply to change the ledger");
        return 0;
    }
}
