using Ledger.Storage;

namespace Ledger.Tests.Storage;

/// <summary>A real ledger file in a folder of its own, removed with the test.</summary>
internal sealed class TemporaryLedger : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-tests", Guid.NewGuid().ToString("N"));

    public TemporaryLedger()
    {
        Directory.CreateDirectory(_folder);
        Database = LedgerDatabase.Open(FilePath);
    }

    public string FilePath => Path.Combine(_folder, "ledger.db");

    public LedgerDatabase Database { get; }

    public Ingestion Ingestion => new(Database);

    public Totals Totals => new(Database);

    public void IngestSeeds()
    {
        foreach (var file in Seeds.Files) Ingestion.Ingest(Path.GetFileName(file), File.ReadAllText(file));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold the file on some systems; the temp folder is cleaned later.
        }
    }
}
