using Dapper;
using Microsoft.Data.Sqlite;

namespace Ledger.Storage;

/// <summary>A ledger file is newer than this program understands.</summary>
public sealed class LedgerVersionException(string message) : Exception(message);

/// <summary>
/// A ledger: one SQLite file. Opening it applies the schema steps it lacks; connections come from
/// Microsoft.Data.Sqlite's pool with foreign keys on and a busy timeout, in WAL mode so readers never
/// wait for a writer and never see half of a write.
/// </summary>
public sealed class LedgerDatabase
{
    // How long a writer waits for another writer before giving up (SQLITE_BUSY never reaches a user sooner).
    private const int DefaultBusySeconds = 60;

    private readonly string _connectionString;
    private readonly int _busySeconds;

    private LedgerDatabase(string path, int busySeconds)
    {
        _busySeconds = busySeconds;
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            ForeignKeys = true,
            DefaultTimeout = busySeconds,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) and upgrades a ledger file.</summary>
    /// <exception cref="LedgerVersionException">The file was written by a newer version of Ledger.</exception>
    /// <param name="busySeconds">How long a write waits for another writer before SQLite answers busy (SqliteException, error 5).</param>
    public static LedgerDatabase Open(string path, int busySeconds = DefaultBusySeconds)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var database = new LedgerDatabase(path, busySeconds);
        database.Migrate();
        return database;
    }

    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {_busySeconds * 1000}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;");
        return connection;
    }

    public int Version()
    {
        using var connection = Connect();
        return connection.ExecuteScalar<int>("PRAGMA user_version");
    }

    /// <summary>A number every write raises: what was read at one revision stays true until the next.</summary>
    public long Revision()
    {
        // Asked on every read the API serves (ETags, kept answers): one open connection answers at once,
        // where a connection from the pool would be opened and set up each time. It reads between writes
        // of any process (WAL) and holds no transaction, so it never stands in a writer's way.
        lock (_revisionLock)
        {
            if (_revisionCommand is null)
            {
                var connection = Connect();
                _revisionCommand = connection.CreateCommand();
                _revisionCommand.CommandText = "SELECT revision FROM ledger_state";
            }
            return (long)_revisionCommand.ExecuteScalar()!;
        }
    }

    private readonly Lock _revisionLock = new();
    private SqliteCommand? _revisionCommand;

    private void Migrate()
    {
        using var connection = Connect();
        // WAL is a property of the file: set once, kept by every later connection.
        connection.Execute("PRAGMA journal_mode = WAL");
        // Two processes may open a new ledger at once: the write lock makes one of them apply the steps.
        using var transaction = connection.BeginTransaction();
        var version = connection.ExecuteScalar<int>("PRAGMA user_version", transaction: transaction);
        if (version > Schema.Latest)
            throw new LedgerVersionException(
                $"The ledger {Path} has schema version {version}, newer than this version of Ledger understands ({Schema.Latest}). Use a newer Ledger to open it.");
        for (var step = version; step < Schema.Latest; step++)
        {
            connection.Execute(Schema.Steps[step], transaction: transaction);
            connection.Execute($"PRAGMA user_version = {step + 1}", transaction: transaction);
        }
        // A ledger filled before giver totals were kept gets them now.
        if (version is > 0 and < Schema.DonorTotalsStep) DonorTotals.RefreshAll(connection, transaction);
        transaction.Commit();
    }
}
