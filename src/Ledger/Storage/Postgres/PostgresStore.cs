using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace Ledger.Storage;

/// <summary>
/// A ledger in a PostgreSQL database (Npgsql), for ledgers that outgrow one machine: several API
/// processes share it. Writers take turns through one transaction-scoped advisory lock per ledger,
/// as SQLite's single writer does, so the rules that read before they write (names, joined reports,
/// kept totals) see every write before theirs; readers take no lock. A connection string may name a
/// schema (<c>Search Path=…</c>): each schema is a ledger of its own.
/// </summary>
public sealed class PostgresStore : ILedgerStore, IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly int _busySeconds;

    public PostgresStore(string connectionString, int busySeconds)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Where = Describe(settings);
        _busySeconds = busySeconds;
        _source = NpgsqlDataSource.Create(settings);
    }

    /// <summary>Whether a <c>Ledger:Database</c> setting is a PostgreSQL connection string (<c>Host=…;Database=…</c>) rather than a file.</summary>
    public static bool IsConnectionString(string setting) => setting.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database a connection string names, as messages show it: host, port, database and schema, never the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            return Describe(new NpgsqlConnectionStringBuilder(connectionString));
        }
        catch (ArgumentException)
        {
            return "a PostgreSQL connection string that cannot be read";
        }
    }

    private static string Describe(NpgsqlConnectionStringBuilder settings) =>
        $"postgresql://{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}"
        + (string.IsNullOrEmpty(settings.SearchPath) ? "" : $"?schema={settings.SearchPath}");

    public string Where { get; }

    public DbConnection Connect() => _source.OpenConnection();

    public DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction();
        connection.Execute($"SET LOCAL lock_timeout = '{_busySeconds}s'; SELECT pg_advisory_xact_lock(hashtext('ledger ' || current_schema()))", transaction: transaction);
        return transaction;
    }

    public DbTransaction BeginSnapshot(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.RepeatableRead);

    public int Version(DbConnection connection, DbTransaction? transaction = null) =>
        connection.ExecuteScalar<bool>("SELECT to_regclass('ledger_schema') IS NOT NULL", transaction: transaction)
            ? connection.ExecuteScalar<int>("SELECT version FROM ledger_schema", transaction: transaction)
            : 0;

    public void ContinueNumbering(DbConnection connection, DbTransaction transaction)
    {
        var identities = connection.Query<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
            transaction: transaction).ToList();
        foreach (var (table, column) in identities)
            connection.Execute($"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT coalesce(max({column}), 0) + 1 FROM {table}), false)",
                transaction: transaction);
    }

    public int Upgrade()
    {
        using var connection = Connect();
        using var transaction = BeginWrite(connection);
        var version = Version(connection, transaction);
        if (version > Schema.Latest) throw Schema.TooNew(Where, version);
        var step = version;
        if (step == 0)
        {
            connection.Execute(PostgresSchema.Create, transaction: transaction);
            step = PostgresSchema.Created;
        }
        for (; step < Schema.Latest; step++) connection.Execute(PostgresSchema.Later[step - PostgresSchema.Created], transaction: transaction);
        connection.Execute("UPDATE ledger_schema SET version = @step", new { step }, transaction);
        transaction.Commit();
        return version;
    }

    /// <summary>
    /// The rows of the JSON array of arrays in <c>@rows</c> as a table, a column for each position, cast
    /// to its column's type. Read as jsonb: parsed once, where json would be lexed again for each column.
    /// </summary>
    internal static string JsonRows(IReadOnlyList<(string Column, string Type)> columns) =>
        $"(SELECT {string.Join(", ", columns.Select((c, i) => c.Type switch
        {
            "TEXT" => $"value ->> {i} AS {c.Column}",
            Tables.Utf8 => $"convert_to(value ->> {i}, 'UTF8') AS {c.Column}",
            _ => $"CAST(value ->> {i} AS {c.Type}) AS {c.Column}",
        }))}"
        + " FROM jsonb_array_elements(CAST(@rows AS jsonb)) AS value) AS given";

    // lock_not_available (the lock timeout), serialization_failure, deadlock_detected.
    internal static bool IsBusy(Exception exception) => exception is PostgresException { SqlState: "55P03" or "40001" or "40P01" };

    internal static bool IsDatabaseError(Exception exception) => exception is NpgsqlException;

    public void Dispose() => _source.Dispose();
}
