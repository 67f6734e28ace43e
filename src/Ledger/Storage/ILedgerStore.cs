using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// The database a ledger is kept in: a SQLite file (<see cref="SqliteStore"/>), or a PostgreSQL
/// database several API processes share (<see cref="PostgresStore"/>). Everything the ledger does is
/// plain SQL over the connections a store gives; a store answers only what differs between the two:
/// how to connect, how writers take turns, how a schema is recorded. (Which errors mean busy: <see cref="LedgerDatabase.IsBusy"/>.)
/// </summary>
public interface ILedgerStore
{
    /// <summary>Where the ledger is, for messages and as the key of what is kept per ledger: a file's full path, or PostgreSQL's host, port, database and schema (never a password).</summary>
    string Where { get; }

    /// <summary>An open connection from the pool.</summary>
    DbConnection Connect();

    /// <summary>
    /// A write transaction that holds the ledger's one write lock until it ends: writes of every
    /// process come one after another, as they do on SQLite, so each sees all the writes before it.
    /// </summary>
    DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read-only snapshot: several reads in it see one state of the ledger, and it holds up no writer.</summary>
    DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>The schema step the ledger is at.</summary>
    int Version(DbConnection connection, DbTransaction? transaction = null);

    /// <summary>After rows were written with the ids of another ledger (a copy): rows added later are numbered after the largest.</summary>
    void ContinueNumbering(DbConnection connection, DbTransaction transaction);

    /// <summary>
    /// Applies the schema steps the ledger lacks, up to <see cref="Schema.Latest"/>, in one
    /// transaction that two processes opening a new ledger at once cannot both run.
    /// </summary>
    /// <returns>The step the ledger was at before.</returns>
    /// <exception cref="LedgerVersionException">The ledger was written by a newer version of Ledger.</exception>
    int Upgrade();
}

/// <summary>The schema's step numbers, the same for every store: a ledger at step N has the same tables on each.</summary>
public static class Schema
{
    /// <summary>The step this version of Ledger writes.</summary>
    public const int Latest = 9;

    /// <summary>The step that added the giver totals kept with every write.</summary>
    public const int DonorTotalsStep = 3;

    internal static LedgerVersionException TooNew(string where, int version) =>
        new($"The ledger {where} has schema version {version}, newer than this version of Ledger understands ({Latest}). Use a newer Ledger to open it.");
}
