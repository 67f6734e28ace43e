using System.CommandLine;
using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger reextract --db LEDGER [--apply]</summary>
internal static class ReextractCommand
{
    public static Command Command()
    {
        var db = Take.Ledger(description: "an existing ledger: a SQLite file, or a PostgreSQL connection string");
        var apply = new Option<bool>("--apply") { Description = "change the ledger; without it, only show what would change" };
        var command = Usage.Command("reextract");
        command.Add(db);
        command.Add(apply);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(db), parsed.GetValue(apply), Console.Out, Console.Error));
        return command;
    }

    private static int Run(string db, bool apply, TextWriter output, TextWriter error)
    {
        if (LedgerFile.OpenExisting(db, error) is not { } database) return 2;

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
