using Ledger.Storage;

namespace Ledger.Cli;

/// <summary>ledger migrate --from LEDGER --to LEDGER: a ledger copied into another store, its totals compared after.</summary>
internal static class MigrateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, "from", "to");
        if (options.Error is { } problem) return Usage.Fail(error, "migrate", problem);
        if (options.Paths.Count > 0) return Usage.Fail(error, "migrate", $"unexpected argument {options.Paths[0]}");
        if (options.Get("from") is not { } from) return Usage.Fail(error, "migrate", "migrate needs --from LEDGER, the ledger to copy");
        if (options.Get("to") is not { } to) return Usage.Fail(error, "migrate", "migrate needs --to LEDGER, a new ledger to copy it into");
        if (!LedgerFile.Exists(from, error)) return 2;
        if (LedgerFile.Open(from, error) is not { } source) return 2;
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
