using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ledger.Storage;

/// <summary>
/// A ledger in one SQLite file: the default, nothing to install. Connections come from
/// Microsoft.Data.Sqlite's pool with foreign keys on and a busy timeout, in WAL mode so readers never
/// wait for a writer and never see half of a write; SQLite itself lets one writer at a time in.
/// </summary>
public sealed class SqliteStore : ILedgerStore
{
    private readonly string _connectionString;
    private readonly int _busySeconds;

    public SqliteStore(string path, int busySeconds)
    {
        Where = Path.GetFullPath(path);
        _busySeconds = busySeconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Where,
            ForeignKeys = true,
            DefaultTimeout = busySeconds,
            Pooling = true,
        }.ToString();
    }

    public string Where { get; }

    public DbConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {_busySeconds * 1000}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 20000;");
        return connection;
    }

    // Microsoft.Data.Sqlite begins IMMEDIATE: the file's write lock is taken at once, not at the first write.
    public DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction();

    // DEFERRED: a WAL reader's snapshot, taken at the first read, with no lock a writer waits for.
    public DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public int Version(DbConnection connection, DbTransaction? transaction = null) =>
        connection.ExecuteScalar<int>("PRAGMA user_version", transaction: transaction);

    // A rowid is always one more than the largest: nothing to do.
    public void ContinueNumbering(DbConnection connection, DbTransaction transaction)
    {
    }

    public int Upgrade()
    {
        var directory = Path.GetDirectoryName(Where);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var connection = Connect();
        // WAL is a property of the file: set once, kept by every later connection.
        connection.Execute("PRAGMA journal_mode = WAL");
        // Two processes may open a new ledger at once: the write lock makes one of them apply the steps.
        using var transaction = BeginWrite(connection);
        var version = Version(connection, transaction);
        if (version > Schema.Latest) throw Schema.TooNew(Where, version);
        for (var step = version; step < Schema.Latest; step++)
        {
            connection.Execute(SqliteSchema.Steps[step], transaction: transaction);
            connection.Execute($"PRAGMA user_version = {step + 1}", transaction: transaction);
        }
        // A ledger filled before giver totals were kept gets them now.
        if (version is > 0 and < Schema.DonorTotalsStep) DonorTotals.RefreshAll(connection, transaction);
        transaction.Commit();
        return version;
    }

    /// <summary>The rows of the JSON array of arrays in <c>@rows</c> as a table, a column for each position (JSON numbers and strings keep their types).</summary>
    internal static string JsonRows(IReadOnlyList<(string Column, string Type)> columns) =>
        $"(SELECT {string.Join(", ", columns.Select((c, i) => $"value ->> {i} AS {c.Column}"))} FROM json_each(@rows)) AS given";

    // SQLITE_BUSY, SQLITE_LOCKED.
    internal static bool IsBusy(Exception exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    internal static bool IsDatabaseError(Exception exception) => exception is SqliteException;
}
