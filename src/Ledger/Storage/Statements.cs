using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// The statements a document's records are stored with, each prepared once for the document's
/// transaction and run again with new values: a report of thousands of gifts costs one prepare a
/// statement, not one a row, and keeps the write lock a fraction as long.
/// </summary>
internal sealed class Statements(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    public void Execute(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteNonQuery();

    /// <summary>The first column of the first row, or null when there is none (or it is NULL).</summary>
    public object? Single(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteScalar() is { } value and not DBNull ? value : null;

    /// <summary>The rows of a query, read as they come.</summary>
    public DbDataReader Rows(string sql, params (string Name, object? Value)[] values) => Bound(sql, values).ExecuteReader();

    public long Scalar(string sql, params (string Name, object? Value)[] values) => Convert.ToInt64(Bound(sql, values).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    private DbCommand Bound(string sql, (string Name, object? Value)[] values)
    {
        if (_prepared.TryGetValue(sql, out var command))
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[values[i].Name].Value = Stored(values[i].Value);
            return command;
        }
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Stored(value);
            command.Parameters.Add(parameter);
        }
        // Prepared with its first values: PostgreSQL takes the parameters' types from them.
        command.Prepare();
        _prepared[sql] = command;
        return command;
    }

    // A flag column holds 0 or 1 on every store (PostgreSQL would not compare a boolean with a number).
    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        bool flag => flag ? 1L : 0L,
        _ => value,
    };

    public void Dispose()
    {
        foreach (var command in _prepared.Values) command.Dispose();
    }
}
