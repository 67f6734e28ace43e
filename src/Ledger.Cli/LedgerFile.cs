using Ledger.Storage;

namespace Ledger.Cli;

internal static class LedgerFile
{
    /// <summary>
    /// Opens a ledger a command only reads, or says on stderr why not: a missing file is a mistyped
    /// path, never a new empty ledger. A PostgreSQL ledger is asked when opened.
    /// </summary>
    public static LedgerDatabase? OpenExisting(string ledger, TextWriter error)
    {
        if (PostgresStore.IsConnectionString(ledger) || File.Exists(ledger)) return Open(ledger, error);
        error.WriteLine($"ledger: no such ledger: {ledger}");
        return null;
    }

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
        catch (Exception e) when (LedgerDatabase.IsDatabaseError(e))
        {
            error.WriteLine($"ledger: {LedgerDatabase.Describe(path)} cannot be opened as a ledger: {e.Message}");
        }
        return null;
    }

    /// <summary>The organization an id or a name on the command line means, or null after saying on stderr why there is none.</summary>
    /// <param name="what">How the message names the argument (ledger show, ledger totals --donor).</param>
    public static long? Organization(Organizations organizations, string idOrName, string what, TextWriter error)
    {
        switch (organizations.Find(idOrName))
        {
            case NamedOrganization.Found found:
                return found.Id;
            case NamedOrganization.Several several:
                error.WriteLine($"{what}: {several}");
                return null;
            default:
                error.WriteLine($"{what}: no organization is known as '{idOrName}'");
                return null;
        }
    }
}
