using System.CommandLine;
using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger migrate --from LEDGER --to LEDGER: a ledger copied into another store, its totals compared after.</summary>
internal static class MigrateCommand
{
    public static Command Command()
    {
        var from = Take.Ledger("--from", "the ledger to copy: a SQLite file, or a PostgreSQL connection string");
        var to = Take.Ledger("--to", "a new, empty ledger to copy it into: a SQLite file, or a PostgreSQL connection string");
        var command = Usage.Command("migrate");
        command.Add(from);
        command.Add(to);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(from), parsed.GetRequiredValue(to), Console.Out, Console.Error));
        return command;
    }

    private static int Run(string from, string to, TextWriter output, TextWriter error)
    {
        if (LedgerFile.OpenExisting(from, error) is not { } source) return 2;
        using (source)
        {
            if (LedgerFile.Open(to, error) is not { } target) return 2;
            using (target)
            {
                MigrationReport report;
                try
                {
                    report = Migration.Copy(source, target, (table, rows) => error.WriteLine($"{table}: {rows:N0} rows"));
                }
                catch (InvalidOperationException notEmpty)
                {
                    error.WriteLine($"ledger: {notEmpty.Message}");
                    return 2;
                }
                output.WriteLine($"copied {source.Path} to {target.Path}: {report.Rows.Sum(r => r.Rows):N0} rows in {report.Rows.Count} tables");
                if (report.TotalsEqual)
                {
                    output.WriteLine("totals: every grouping reads the same on both ledgers");
                    return 0;
                }
                error.WriteLine("ledger: the copy's totals differ from the original's: " + string.Join("; ", report.Differences));
                return 1;
            }
        }
    }
}
