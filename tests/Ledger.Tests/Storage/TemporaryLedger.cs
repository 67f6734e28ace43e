using Ledger.Storage;

namespace Ledger.Tests.Storage;

/// <summary>A real ledger of its own on the given store (a SQLite file, or a PostgreSQL schema), removed with the test.</summary>
internal sealed class TemporaryLedger : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-tests", Guid.NewGuid().ToString("N"));

    public TemporaryLedger(StoreKind store = StoreKind.Sqlite)
    {
        Directory.CreateDirectory(_folder);
        Setting = Stores.NewLedger(store, _folder);
        Database = LedgerDatabase.Open(Setting);
    }

    /// <summary>The folder the test may put files of its own in.</summary>
    public string Folder => _folder;

    /// <summary>What opens this ledger: a file's path, or a connection string (--db, Ledger:Database).</summary>
    public string Setting { get; }

    public LedgerDatabase Database { get; }

    public Ingestion Ingestion => new(Database);

    public Totals Totals => new(Database);

    public void IngestSeeds()
    {
        foreach (var file in Seeds.Files) Ingestion.Ingest(Path.GetFileName(file), File.ReadAllText(file));
    }

    public void Dispose()
    {
        Database.Dispose();
        Stores.Drop(Setting);
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
