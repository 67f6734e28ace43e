using Microsoft.Data.Sqlite;

namespace Ledger.Storage;

/// <summary>
/// The statements a document's records are stored with, each prepared once for the document's
/// transaction and run again with new values: a report of thousands of gifts costs one prepare a
/// statement, not one a row, and keeps the write lock a fraction as long.
/// </summary>
internal sealed class Statements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public void Execute(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteNonQuery();

    /// <summary>The first column of the first row, or null when there is none (or it is NULL).</summary>
    public object? Single(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteScalar() is { } value and not DBNull ? value : null;

    /// <summary>The rows of a query, read as they come.</summary>
    public SqliteDataReader Rows(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteReader();

    public long Scalar(string sql, params (string Name, object? Value)[] values) => Convert.ToInt64(Bound(sql, values).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    private SqliteCommand Bound(string sql, (string Name, object? Value)[] values)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in values) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            _prepared[sql] = command;
        }
        for (var i = 0; i < values.Length; i++) command.Parameters[values[i].Name].Value = values[i].Value ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values) command.Dispose();
    }
}
