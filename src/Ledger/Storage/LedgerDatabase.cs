using System.Data.Common;

namespace Ledger.Storage;

/// <summary>A ledger is newer than this program understands.</summary>
public sealed class LedgerVersionException(string message) : Exception(message);

/// <summary>
/// A ledger, in the store its setting names: a SQLite file (the default) or a PostgreSQL connection
/// string. Opening it applies the schema steps it lacks.
/// </summary>
public sealed class LedgerDatabase : IDisposable
{
    // How long a writer waits for another writer before giving up (busy never reaches a user sooner).
    private const int DefaultBusySeconds = 60;

    private LedgerDatabase(ILedgerStore store) => Store = store;

    public ILedgerStore Store { get; }

    /// <summary>Where the ledger is: a file's full path, or the PostgreSQL database (never a password).</summary>
    public string Path => Store.Where;

    /// <summary>Opens (creating if needed) and upgrades a ledger: a SQLite file's path, or a PostgreSQL connection string (<c>Host=…;Database=…</c>).</summary>
    /// <exception cref="LedgerVersionException">The ledger was written by a newer version of Ledger.</exception>
    /// <param name="busySeconds">How long a write waits for another writer before the store answers busy (<see cref="IsBusy"/>).</param>
    public static LedgerDatabase Open(string ledger, int busySeconds = DefaultBusySeconds)
    {
        ILedgerStore store = PostgresStore.IsConnectionString(ledger) ? new PostgresStore(ledger, busySeconds) : new SqliteStore(ledger, busySeconds);
        store.Upgrade();
        return new LedgerDatabase(store);
    }

    public DbConnection Connect() => Store.Connect();

    /// <summary>A ledger setting as a message may show it: a file's path, or a PostgreSQL database without its password.</summary>
    public static string Describe(string ledger) => PostgresStore.IsConnectionString(ledger) ? PostgresStore.Describe(ledger) : ledger;

    /// <summary>The write lock was not had in time (another writer held it): nothing was written, and the same write may simply be sent again.</summary>
    /// <summary>The moment of a write as the ledger keeps it (ingested, corrected, decided, read again): UTC, to the millisecond, sorting as text.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    public static bool IsBusy(Exception exception) => SqliteStore.IsBusy(exception) || PostgresStore.IsBusy(exception);

    /// <summary>The database itself failed (cannot be opened, reached or read), as opposed to a wrong request.</summary>
    public static bool IsDatabaseError(Exception exception) => SqliteStore.IsDatabaseError(exception) || PostgresStore.IsDatabaseError(exception);

    /// <summary>
    /// A table of the rows sent as one JSON array of arrays in the parameter <c>@rows</c>, a column a
    /// position: many rows in one statement, where a statement a row would cost a call (on PostgreSQL a
    /// round trip) each.
    /// </summary>
    internal static string JsonRows(DbConnection connection, IReadOnlyList<(string Column, string Type)> columns) =>
        connection is Npgsql.NpgsqlConnection ? PostgresStore.JsonRows(columns) : SqliteStore.JsonRows(columns);

    /// <summary>A write transaction, holding the ledger's write lock until it ends.</summary>
    public DbTransaction BeginWrite(DbConnection connection) => Store.BeginWrite(connection);

    public int Version()
    {
        using var connection = Connect();
        return Store.Version(connection);
    }

    /// <summary>A number every write raises: what was read at one revision stays true until the next.</summary>
    public long Revision()
    {
        // Asked on every read the API serves (ETags, kept answers): one open connection answers at once,
        // where a connection from the pool would be opened and set up each time. It holds no transaction,
        // so it never stands in a writer's way, and sees the writes of every process.
        lock (_revisionLock)
        {
            try
            {
                if (_revisionCommand is null)
                {
                    var connection = Connect();
                    _revisionCommand = connection.CreateCommand();
                    _revisionCommand.CommandText = "SELECT revision FROM ledger_state";
                }
                return Convert.ToInt64(_revisionCommand.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception error) when (IsDatabaseError(error))
            {
                // A server restarted or a connection dropped: the next question opens a new one.
                _revisionCommand?.Connection?.Dispose();
                _revisionCommand = null;
                throw;
            }
        }
    }

    private readonly Lock _revisionLock = new();
    private DbCommand? _revisionCommand;

    /// <summary>Closes the connections this ledger keeps open (the revision's; PostgreSQL's pool).</summary>
    public void Dispose()
    {
        lock (_revisionLock)
        {
            _revisionCommand?.Connection?.Dispose();
            _revisionCommand = null;
        }
        (Store as IDisposable)?.Dispose();
    }
}
