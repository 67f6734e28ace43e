using System.Data.Common;
using Dapper;

namespace Ledger.Storage;

/// <summary>What a copy of a ledger moved, and whether every total read the same on both sides after.</summary>
/// <param name="Rows">Rows copied, table by table.</param>
/// <param name="Differences">The groupings whose totals differ between the two ledgers (none when the copy is whole).</param>
public sealed record MigrationReport(IReadOnlyList<(string Table, long Rows)> Rows, IReadOnlyList<string> Differences)
{
    public bool TotalsEqual => Differences.Count == 0;
}

/// <summary>
/// Copies a ledger into another store (a SQLite file into PostgreSQL, or back): every document with
/// its text and history, every record, donation, name, decision and correction, with their ids, in
/// one transaction of the target, so a copy stopped half-way leaves the target as it was. The target
/// must hold no document yet. Afterwards the totals of every grouping are read from both ledgers and
/// compared.
/// </summary>
public static class Migration
{
    /// <summary>A ledger's tables in an order foreign keys allow, each read in the order it was written.</summary>
    private static readonly (string Table, string Order)[] Tables =
    [
        ("organizations", "id"),
        ("names", "name"),
        ("name_decisions", "id"),
        ("documents", "id"),
        ("donations", "id"),
        ("records", "id"),
        ("record_recipients", "rowid"),
        ("record_items", "rowid"),
        ("donation_recipients", "donation_id, organization_id"),
        ("donation_items", "rowid"),
        ("corrections", "id"),
        ("donor_totals", "donor_id"),
        ("donor_totals_changes", "revision, donor_id"),
    ];

    /// <exception cref="InvalidOperationException">The target ledger already holds documents.</exception>
    public static MigrationReport Copy(LedgerDatabase from, LedgerDatabase to, Action<string, long>? progress = null)
    {
        var copied = new List<(string, long)>();
        using (var source = from.Connect())
        using (var target = to.Connect())
        {
            using var snapshot = from.Store.BeginSnapshot(source);
            using var transaction = to.BeginWrite(target);
            if (target.ExecuteScalar<long>("SELECT count(*) FROM documents", transaction: transaction) > 0)
                throw new InvalidOperationException($"The ledger {to.Path} already holds documents: a ledger is copied into a new, empty one.");
            // A new ledger's own state row is replaced by the source's.
            target.Execute("DELETE FROM ledger_state", transaction: transaction);
            using var statements = new Statements(target, transaction);
            foreach (var (table, order) in Tables.Append(("ledger_state", "revision")))
            {
                var rows = CopyTable(source, snapshot, target, transaction, statements, table, order);
                copied.Add((table, rows));
                progress?.Invoke(table, rows);
            }
            // A replaced document points at its replacement, written after it: linked once both are there.
            foreach (var (id, replacedBy) in source.Query<(long, long)>("SELECT id, replaced_by FROM documents WHERE replaced_by IS NOT NULL", transaction: snapshot))
                statements.Execute("UPDATE documents SET replaced_by = @replacedBy WHERE id = @id", ("@replacedBy", replacedBy), ("@id", id));
            statements.Flush();
            to.Store.ContinueNumbering(target, transaction);
            transaction.Commit();
        }
        DonorTotalsAnswer.ForgetAll();
        return new MigrationReport(copied, Differences(from, to));
    }

    private static long CopyTable(DbConnection source, DbTransaction snapshot, DbConnection target, DbTransaction transaction,
        Statements statements, string table, string order)
    {
        // The columns both ledgers have: PostgreSQL's explicit rowid is numbered anew, in the order the rows come.
        var targetColumns = Columns(target, transaction, table).Where(c => c.Name != "rowid").ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var columns = Columns(source, snapshot, table).Select(c => c.Name).Where(targetColumns.ContainsKey).ToList();
        var rowsTable = new Table(table, columns.Select(c => (c, targetColumns[c])).ToArray());
        using var command = source.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table} ORDER BY {order}";
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    // The one BLOB, the giver's kept JSON, is UTF-8 text (Tables.Utf8), copied as its bytes.
                    byte[] or long or string => reader.GetValue(i),
                    var other => Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture),
                };
                // Written while documents are copied; linked after (see Copy).
                if (table == "documents" && columns[i] == "replaced_by") values[i] = null;
            }
            statements.Add(rowsTable, values);
            // The rows of one table refer only to tables copied before it.
            statements.WriteWhenMany();
            rows++;
        }
        statements.Flush();
        return rows;
    }

    // Each column's name, and its type as the rows of a Table carry it.
    private static List<(string Name, string Type)> Columns(DbConnection connection, DbTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        using var reader = command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), reader.GetFieldType(i) switch
        {
            var t when t == typeof(long) || t == typeof(int) => "BIGINT",
            var t when t == typeof(byte[]) => Storage.Tables.Utf8,
            _ => "TEXT",
        })).ToList();
    }

    /// <summary>The groupings whose totals (every figure, count and member, as JSON) differ between two ledgers.</summary>
    public static IReadOnlyList<string> Differences(LedgerDatabase first, LedgerDatabase second)
    {
        var (a, b) = (new Totals(first), new Totals(second));
        var differences = Enum.GetValues<TotalsGroup>().Where(group => a.Json(group) != b.Json(group)).Select(group => $"totals by {group}").ToList();
        // Totals by donor unfiltered are the kept ones; a filter sums them from the donations again.
        var summed = new TotalsFilter { From = "2020-01-01", To = "2020-12-31" };
        if (a.Json(TotalsGroup.Donor, summed) != b.Json(TotalsGroup.Donor, summed)) differences.Add("totals by donor in 2020, summed from the donations");
        return differences;
    }
}
