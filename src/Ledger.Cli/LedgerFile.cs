using Ledger.Storage;

namespace Ledger.Cli;

internal static class LedgerFile
{
    /// <summary>Opens the ledger, or says on stderr why it cannot be opened.</summary>
    public static LedgerDatabase? Open(string path, TextWriter error)
    {
        try
        {
            return LedgerDatabase.Open(path);
        }
        catch (LedgerVersionException e)
        {
            error.WriteLine($"ledger: {e.Message}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            error.WriteLine($"ledger: {path} is not a ledger SQLite can open: {e.Message}");
        }
        return null;
    }
}
