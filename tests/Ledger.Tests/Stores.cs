using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Ledger.Tests;

/// <summary>The stores a ledger can be kept in; the storage and API tests run on each.</summary>
public enum StoreKind { Sqlite, Postgres }

/// <summary>
/// Fresh ledgers on either store: a SQLite file in a folder of its own, or a PostgreSQL schema of
/// its own on the server LEDGER_TEST_POSTGRES names (a connection string; .ci/run starts a throw-away
/// server and sets it). Without it, every PostgreSQL test is ignored and says why.
/// </summary>
public static class Stores
{
    /// <summary>The fixtures' arguments: each test of a storage or API fixture runs once on each store.</summary>
    public static readonly StoreKind[] Each = [StoreKind.Sqlite, StoreKind.Postgres];

    private static readonly string? Server = Environment.GetEnvironmentVariable("LEDGER_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>Ignores the calling test on PostgreSQL when no server is given.</summary>
    public static void Require(StoreKind store)
    {
        if (store == StoreKind.Postgres && Server is null)
            Assert.Ignore("PostgreSQL tests did not run: LEDGER_TEST_POSTGRES names no server. .ci/run starts a throw-away one; "
                          + "by hand: eval \"$(.ci/postgres start)\" before dotnet test.");
    }

    /// <summary>The setting (Ledger:Database, --db) of a new, empty ledger; <paramref name="folder"/> holds a SQLite file.</summary>
    public static string NewLedger(StoreKind store, string folder)
    {
        Require(store);
        if (store == StoreKind.Sqlite) return Path.Combine(folder, "ledger.db");
        var schema = "ledger_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            connection.Execute($"CREATE SCHEMA {schema}");
        }
        // Pooled connections to a dropped schema are not kept waiting.
        return new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1, MinPoolSize = 0 }.ConnectionString;
    }

    /// <summary>The bytes a ledger takes on disk: the file and its write-ahead log, or the schema's tables and indexes.</summary>
    public static long Size(string ledger)
    {
        if (!Ledger.Storage.PostgresStore.IsConnectionString(ledger))
            return new FileInfo(ledger).Length + (File.Exists(ledger + "-wal") ? new FileInfo(ledger + "-wal").Length : 0);
        using var connection = new NpgsqlConnection(ledger);
        connection.Open();
        return connection.ExecuteScalar<long>("""
            SELECT CAST(coalesce(sum(pg_total_relation_size(c.oid)), 0) AS BIGINT) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r'
            """);
    }

    /// <summary>
    /// Whether the ledger's database finds nothing wrong with itself: SQLite's integrity check, or on
    /// PostgreSQL that every table of the ledger can be read whole.
    /// </summary>
    public static bool Intact(string ledger)
    {
        if (!Ledger.Storage.PostgresStore.IsConnectionString(ledger))
        {
            using var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ledger};Mode=ReadOnly;Pooling=False");
            file.Open();
            return file.ExecuteScalar<string>("PRAGMA integrity_check") == "ok";
        }
        using var connection = new NpgsqlConnection(ledger);
        connection.Open();
        foreach (var table in connection.Query<string>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").ToList())
            connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}");
        return true;
    }

    /// <summary>Removes a ledger <see cref="NewLedger"/> made (its folder is the caller's).</summary>
    public static void Drop(string ledger)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!Ledger.Storage.PostgresStore.IsConnectionString(ledger)) return;
        var schema = new NpgsqlConnectionStringBuilder(ledger).SearchPath;
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        connection.Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }
}
