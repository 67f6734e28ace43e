using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ledger.Storage;

/// <summary>
/// Writes the rows of a <see cref="Table"/> on SQLite: one prepared statement a table, run once a row
/// with its values bound by position through SQLite's own calls. SQLite runs in this process,
/// so a row costs a few microseconds; binding by name, as ADO.NET does, would cost more than the row.
/// </summary>
internal sealed class SqliteRows(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<Table, sqlite3_stmt> _prepared = [];

    public void Write(Table table, object?[] row)
    {
        var database = connection.Handle!;
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
            string text => raw.sqlite3_bind_text(statement, index, Utf8(text)),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            _ => throw new ArgumentException($"A row value of type {value.GetType().Name} has no column type.", nameof(value)),
        };
        if (bound != raw.SQLITE_OK) throw new SqliteException($"SQLite could not take a value ({bound}).", bound);
    }

    public void Dispose()
    {
        foreach (var statement in _prepared.Values) statement.Dispose();
        _prepared.Clear();
    }
}
