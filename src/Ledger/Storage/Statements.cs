using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// The statements a document's records are stored with, each prepared once for the document's
/// transaction and run again with new values: a report of thousands of gifts costs one prepare a
/// statement, not one a row, and keeps the write lock a fraction as long. Where the store takes
/// batches (PostgreSQL, across a network), writes that return nothing wait in one batch that is sent
/// before the next read and by <see cref="Flush"/>: one round trip for many rows instead of one each.
/// </summary>
internal sealed class Statements(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private const int MostWaiting = 1000;

    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbBatch? _waiting;

    public void Execute(string sql, params (string Name, object? Value)[] values)
    {
        if (!connection.CanCreateBatch)
        {
            Bound(sql, values).ExecuteNonQuery();
            return;
        }
        if (_waiting is null)
        {
            _waiting = connection.CreateBatch();
            _waiting.Transaction = transaction;
        }
        var command = _waiting.CreateBatchCommand();
        command.CommandText = sql;
        Bind(command.Parameters, command.CreateParameter, values);
        _waiting.BatchCommands.Add(command);
        if (_waiting.BatchCommands.Count >= MostWaiting) Flush();
    }

    private readonly Dictionary<string, long> _lastIds = new(StringComparer.Ordinal);

    /// <summary>
    /// The id of a new row of <paramref name="table"/> (records, donations): given here rather than by
    /// the database, so the insert returns nothing and can wait in the batch. Safe because the
    /// transaction holds the ledger's write lock; no other code inserts into these tables.
    /// </summary>
    public long NextId(string table)
    {
        if (!_lastIds.TryGetValue(table, out var last))
            last = Convert.ToInt64(Bound($"SELECT coalesce(max(id), 0) FROM {table}", []).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        _lastIds[table] = ++last;
        return last;
    }

    /// <summary>Sends the writes waiting in the batch: before the connection is used by anything but these statements.</summary>
    public void Flush()
    {
        if (_waiting is null) return;
        using var batch = _waiting;
        _waiting = null;
        batch.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is none (or it is NULL).</summary>
    public object? Single(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteScalar() is { } value and not DBNull ? value : null;

    /// <summary>The rows of a query, read as they come.</summary>
    public DbDataReader Rows(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteReader();

    public long Scalar(string sql, params (string Name, object? Value)[] values) => Convert.ToInt64(Bound(sql, values).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    private DbCommand Bound(string sql, (string Name, object? Value)[] values)
    {
        Flush();
        if (_prepared.TryGetValue(sql, out var command))
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[values[i].Name].Value = Stored(values[i].Value);
            return command;
        }
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command.Parameters, command.CreateParameter, values);
        // Prepared with its first values: PostgreSQL takes the parameters' types from them.
        command.Prepare();
        _prepared[sql] = command;
        return command;
    }

    private static void Bind(DbParameterCollection parameters, Func<DbParameter> create, (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = Stored(value);
            parameters.Add(parameter);
        }
    }

    // A flag column holds 0 or 1 on every store (PostgreSQL would not compare a boolean with a number).
    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        bool flag => flag ? 1L : 0L,
        _ => value,
    };

    // Writes still waiting are dropped: they wait only when the work that queued them failed.
    public void Dispose()
    {
        _waiting?.Dispose();
        foreach (var command in _prepared.Values) command.Dispose();
    }
}
