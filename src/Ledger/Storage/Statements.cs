using System.Buffers;
using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ledger.Storage;

/// <summary>
/// The statements a document's records are stored with, each prepared once for the document's
/// transaction and run again with new values: a report of thousands of gifts costs one prepare a
/// statement, not one a row, and keeps the write lock a fraction as long. Where the store takes
/// batches (PostgreSQL, across a network), writes that return nothing wait in one batch that is sent
/// before the next read and by <see cref="Flush"/>: one round trip for many rows instead of one each.
/// Rows added with <see cref="Add"/> wait too on PostgreSQL, and go as one statement a table (a JSON
/// array of rows): a transaction of thousands of records writes them in a dozen round trips.
/// </summary>
/// <param name="rowsInBackground">
/// On SQLite, rows are written by a thread of their own while the caller goes on (see <see cref="SqliteRows"/>);
/// the caller then uses the connection only through these statements, or after <see cref="Flush"/>, as it does on PostgreSQL.
/// </param>
internal sealed class Statements(DbConnection connection, DbTransaction transaction, bool rowsInBackground = false) : IDisposable
{
    private const int MostWaiting = 1000;

    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbBatch? _waiting;

    // Rows waiting, per table; written before any other statement runs.
    private readonly Dictionary<Table, List<object?[]>> _rows = [];
    private int _rowsWaiting;
    private const int MostRowsWaiting = 20_000;

    /// <summary>
    /// A row for <paramref name="table"/>, its values in the order of the table's columns; its parents
    /// are added before it. On SQLite it is written at once, or handed to the thread that writes rows
    /// (SQLite is in this process, and a row kept waiting would only outlive its young objects). On PostgreSQL it waits, with the others, until the
    /// next statement or read (or <see cref="WriteWhenMany"/>), and goes with its table's rows in the
    /// order of <see cref="Tables.InOrder"/>.
    /// </summary>
    public void Add(Table table, params object?[] values)
    {
        if (_sqliteRows is not null)
        {
            _sqliteRows.Write(table, values);
            return;
        }
        if (!_rows.TryGetValue(table, out var rows)) _rows[table] = rows = [];
        rows.Add(values);
        _rowsWaiting++;
    }

    /// <summary>
    /// Writes the rows waiting once there are many: called where every row waiting has its parents
    /// added too (after a whole document), since rows are written a table at a time.
    /// </summary>
    public void WriteWhenMany()
    {
        if (_rowsWaiting >= MostRowsWaiting) WriteRows();
    }

    private static readonly JsonWriterOptions RowsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _json = new();
    private readonly Dictionary<Table, string> _rowsSql = [];

    // SQLite runs in this process: a row a call is cheap once bound by position. PostgreSQL is across a network: a statement a table.
    private readonly SqliteRows? _sqliteRows = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? new SqliteRows(sqlite, rowsInBackground) : null;

    private void WriteRows()
    {
        _sqliteRows?.Wait();
        if (_rowsWaiting == 0) return;
        _rowsWaiting = 0;
        try
        {
            // The tables ingestion writes in their order; any other (a copy's) in the order its rows came.
            foreach (var (table, rows) in _rows.OrderBy(t => Array.IndexOf(Tables.InOrder, t.Key) is var at and >= 0 ? at : int.MaxValue))
            {
                if (rows.Count > 0) Run(RowsSql(table), [("@rows", Json(rows))]);
            }
            // Tens of thousands of rows a statement: sent now, each group of them one round trip, never many groups in one.
            Send();
        }
        finally
        {
            // Written, or refused: the work that added them is rolled back, and none is ever written twice.
            foreach (var rows in _rows.Values) rows.Clear();
        }
    }

    private string RowsSql(Table table)
    {
        if (!_rowsSql.TryGetValue(table, out var sql)) _rowsSql[table] = sql = table.Sql(LedgerDatabase.JsonRows(connection, table.Columns));
        return sql;
    }

    // The rows as one JSON array of arrays.
    private string Json(List<object?[]> rows)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json, RowsJson))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var value in row) WriteValue(writer, value);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case byte[] utf8: writer.WriteStringValue(utf8); break;
            case long number: writer.WriteNumberValue(number); break;
            case int number: writer.WriteNumberValue(number); break;
            case bool flag: writer.WriteNumberValue(flag ? 1 : 0); break;
            default: throw new ArgumentException($"A row value of type {value.GetType().Name} has no column type.", nameof(value));
        }
    }

    public void Execute(string sql, params (string Name, object? Value)[] values)
    {
        WriteRows();
        Run(sql, values);
    }

    private void Run(string sql, (string Name, object? Value)[] values)
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
        if (_waiting.BatchCommands.Count >= MostWaiting) Send();
    }

    private readonly Dictionary<string, long> _lastIds = new(StringComparer.Ordinal);

    /// <summary>
    /// The id of a new row of <paramref name="table"/> (documents, organizations, records, donations):
    /// given here rather than by the database, so the insert returns nothing and can wait with the
    /// others. Safe because the transaction holds the ledger's write lock, and every insert into these
    /// tables numbers its row the same way (one more than the largest).
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
        WriteRows();
        Send();
    }

    /// <summary>
    /// Drops every row and write not yet sent, after the work that gave them failed and is rolled back
    /// (to a savepoint): none of it may reach the ledger with the work that comes next.
    /// </summary>
    public void Drop()
    {
        _sqliteRows?.Drop();
        foreach (var rows in _rows.Values) rows.Clear();
        _rowsWaiting = 0;
        _waiting?.Dispose();
        _waiting = null;
    }

    private void Send()
    {
        if (_waiting is null) return;
        using var batch = _waiting;
        _waiting = null;
        batch.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is none (or it is NULL).</summary>
    public object? Single(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteScalar() is { } value and not DBNull ? value : null;

    private static readonly (string Column, string Type)[] OneText = [("value", "TEXT")];

    /// <summary>
    /// The rows of a query over many texts at once: <c>{values}</c> in <paramref name="sql"/> stands for
    /// them as a one-column table (<c>name IN (SELECT value FROM {values})</c>), sent as one parameter
    /// however many there are.
    /// </summary>
    public DbDataReader RowsMatching(string sql, IEnumerable<string> values) =>
        Rows(sql.Replace("{values}", LedgerDatabase.JsonRows(connection, OneText), StringComparison.Ordinal), ("@rows", Json(values.Select(v => new object?[] { v }).ToList())));

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

    // Writes and rows still waiting are dropped: they wait only when the work that queued them failed.
    public void Dispose()
    {
        _waiting?.Dispose();
        _sqliteRows?.Dispose();
        foreach (var command in _prepared.Values) command.Dispose();
    }
}
