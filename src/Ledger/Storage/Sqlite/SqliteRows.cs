using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ledger.Storage;

/// <summary>
/// Writes the rows of a <see cref="Table"/> on SQLite: one prepared statement a table, run once a row
/// with its values bound by position through SQLite's own calls. SQLite runs in this process,
/// so a row costs a few microseconds; binding by name, as ADO.NET does, would cost more than the row.
/// </summary>
/// <remarks>
/// In the background, rows are written by a thread of their own, in the order they came, while the
/// caller goes on deciding the next ones: SQLite's work on a bulk ingest (its B-trees, its log) then
/// no longer adds to the time of the thread that resolves names and joins gifts. <see cref="Wait"/>
/// is the one place the two meet: before the connection is used for anything else, and to learn
/// whether a row was refused.
/// </remarks>
internal sealed class SqliteRows : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<Table, sqlite3_stmt> _prepared = [];

    // Rows are handed over a few hundred at a time: a hand-over a row would cost more than writing it.
    private const int RowsAHandOver = 256;
    private readonly BlockingCollection<List<(Table Table, object?[] Row)>>? _handedOver;
    private readonly Thread? _writer;
    private List<(Table Table, object?[] Row)> _collecting = [];
    private readonly object _state = new();
    private int _unwritten;
    private ExceptionDispatchInfo? _refused;
    private volatile bool _dropping;

    public SqliteRows(SqliteConnection connection, bool inBackground)
    {
        _connection = connection;
        if (!inBackground) return;
        _handedOver = [];
        _writer = new Thread(WriteHandedOver) { IsBackground = true, Name = "ledger rows" };
        _writer.Start();
    }

    public void Write(Table table, object?[] row)
    {
        if (_handedOver is null)
        {
            WriteNow(table, row);
            return;
        }
        _collecting.Add((table, row));
        if (_collecting.Count >= RowsAHandOver) HandOver();
    }

    /// <summary>Returns once every row given is written; throws what SQLite refused, the rows after it left unwritten.</summary>
    public void Wait()
    {
        if (_handedOver is null) return;
        HandOver();
        lock (_state)
        {
            while (_unwritten > 0) Monitor.Wait(_state);
            var refused = _refused;
            _refused = null;
            refused?.Throw();
        }
    }

    /// <summary>Drops the rows not yet written and returns once nothing is being written: the work that gave them is rolled back.</summary>
    public void Drop()
    {
        if (_handedOver is null) return;
        _collecting.Clear();
        _dropping = true;
        lock (_state)
        {
            while (_unwritten > 0) Monitor.Wait(_state);
            _refused = null;
        }
        _dropping = false;
    }

    private void HandOver()
    {
        if (_collecting.Count == 0) return;
        lock (_state) _unwritten++;
        _handedOver!.Add(_collecting);
        _collecting = new List<(Table, object?[])>(RowsAHandOver);
    }

    private void WriteHandedOver()
    {
        foreach (var rows in _handedOver!.GetConsumingEnumerable())
        {
            // After a refusal nothing more is written until the caller has heard of it.
            if (_refused is null && !_dropping)
            {
                try
                {
                    foreach (var (table, row) in rows)
                    {
                        if (_dropping) break;
                        WriteNow(table, row);
                    }
                }
                catch (Exception error)
                {
                    lock (_state) _refused = ExceptionDispatchInfo.Capture(error);
                }
            }
            lock (_state)
            {
                _unwritten--;
                Monitor.PulseAll(_state);
            }
        }
    }

    private void WriteNow(Table table, object?[] row)
    {
        var database = _connection.Handle!;
        if (!_prepared.TryGetValue(table, out var statement))
        {
            var prepared = raw.sqlite3_prepare_v2(database, table.RowSql, out statement);
            if (prepared != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(prepared, database);
            _prepared[table] = statement;
        }
        for (var i = 0; i < row.Length; i++) Bind(statement, i + 1, row[i], table.Columns[i].Type);
        var stepped = raw.sqlite3_step(statement);
        try
        {
            if (stepped != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(stepped, database);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    // Text is encoded into one buffer, reused: SQLite copies what it is given.
    private byte[] _utf8 = new byte[4096];

    private ReadOnlySpan<byte> Utf8(string text)
    {
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _utf8.Length) _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        return _utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(text, _utf8));
    }

    private void Bind(sqlite3_stmt statement, int index, object? value, string type)
    {
        var bound = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text when type == Tables.Utf8 => raw.sqlite3_bind_blob(statement, index, Utf8(text)),
            byte[] utf8 when type == Tables.Utf8 => raw.sqlite3_bind_blob(statement, index, utf8),
            string text => raw.sqlite3_bind_text(statement, index, Utf8(text)),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            _ => throw new ArgumentException($"A row value of type {value.GetType().Name} has no column type.", nameof(value)),
        };
        if (bound != raw.SQLITE_OK) throw new SqliteException($"SQLite could not take a value ({bound}).", bound);
    }

    // Rows still waiting are dropped: they wait only when the work that gave them failed.
    public void Dispose()
    {
        if (_handedOver is not null)
        {
            _dropping = true;
            _handedOver.CompleteAdding();
            _writer!.Join();
            _handedOver.Dispose();
        }
        foreach (var statement in _prepared.Values) statement.Dispose();
        _prepared.Clear();
    }
}
