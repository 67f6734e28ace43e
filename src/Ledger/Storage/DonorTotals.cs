using Dapper;
using Ledger.Domain;
using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// Each giver's totals, kept in step with the ledger: every write that touches a giver's donations
/// recomputes that giver's row in the same transaction (one indexed query), so totals by donor over
/// a million donations read one row per giver instead of summing the donations again.
/// </summary>
internal static class DonorTotals
{
    private sealed class Stored
    {
        public long DonorId { get; init; }
        public string Name { get; init; } = "";
        public long? CashFen { get; init; }
        public string? CashQualifier { get; init; }
        public long? GoodsFen { get; init; }
        public string? GoodsQualifier { get; init; }
        public long? CombinedFen { get; init; }
        public string? CombinedQualifier { get; init; }
        public long? ReportedCashFen { get; init; }
        public string? ReportedCashQualifier { get; init; }
        public long? ReportedGoodsFen { get; init; }
        public string? ReportedGoodsQualifier { get; init; }
        public long? ReportedCombinedFen { get; init; }
        public string? ReportedCombinedQualifier { get; init; }
        public long Donations { get; init; }
        public long ReportedTotals { get; init; }
        public long Sources { get; init; }
        public long GivenFen { get; init; }
        public long ReportedFen { get; init; }
        public string Items { get; init; } = "";
    }

    private const string Columns = """
        donor_id AS DonorId, name AS Name, cash_fen AS CashFen, cash_qualifier AS CashQualifier, goods_fen AS GoodsFen,
        goods_qualifier AS GoodsQualifier, combined_fen AS CombinedFen, combined_qualifier AS CombinedQualifier,
        reported_cash_fen AS ReportedCashFen, reported_cash_qualifier AS ReportedCashQualifier, reported_goods_fen AS ReportedGoodsFen,
        reported_goods_qualifier AS ReportedGoodsQualifier, reported_combined_fen AS ReportedCombinedFen,
        reported_combined_qualifier AS ReportedCombinedQualifier, donations AS Donations, reported_totals AS ReportedTotals,
        sources AS Sources, items AS Items, given_fen AS GivenFen, reported_fen AS ReportedFen
        """;

    // Read in table order and sorted here: an ORDER BY through the rank index would visit the rows at random.
    public static IReadOnlyList<TotalsRow> Read(DbConnection connection) =>
        connection.Query<Stored>($"SELECT {Columns} FROM donor_totals").Select(ToRow).Order(Sums.Order).ToList();

    /// <summary>The <paramref name="count"/> givers who gave most, through the rank index (in the order of <see cref="Sums.Ranked{T}"/>).</summary>
    public static IReadOnlyList<TotalsRow> Top(DbConnection connection, int count) =>
        connection.Query<Stored>($"SELECT {Columns} FROM donor_totals ORDER BY given_fen DESC, reported_fen DESC, name LIMIT @count", new { count })
            .Select(ToRow).ToList();

    public static IReadOnlyList<TotalsRow> Read(DbConnection connection, long donor) =>
        connection.Query<Stored>($"SELECT {Columns} FROM donor_totals WHERE donor_id = @donor", new { donor }).Select(ToRow).ToList();

    /// <summary>Every giver's kept object, or those of the given givers (a giver with no row has no totals).</summary>
    public static List<KeptGiver> ReadKept(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long>? donors = null)
    {
        var rows = new List<KeptGiver>();
        foreach (var chunk in donors is null ? [null] : donors.Chunk(500).Cast<long[]?>())
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT donor_id, given_fen, reported_fen, name, json FROM donor_totals"
                                  + (chunk is null ? "" : $" WHERE donor_id IN {Ids.In(chunk)}");
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows.Add(new KeptGiver(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), (byte[])reader.GetValue(4)));
        }
        return rows;
    }

    /// <summary>Recomputes the rows of the given givers from their current donations.</summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, IEnumerable<long> donors)
    {
        var changes = new GiverChanges();
        foreach (var donor in donors) changes.Recount(donor);
        Refresh(connection, transaction, changes);
    }

    /// <summary>
    /// Brings the rows of the givers a transaction changed up to date: a giver who only gained gifts
    /// and reports has them added to the row kept (<see cref="Sums.Plus(TotalsRow, CountedGift)"/>),
    /// one whose donations changed otherwise is recounted from them.
    /// </summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, GiverChanges changes)
    {
        // Every write that changes a giver's totals comes through here: the ledger's revision moves with it,
        // and the log of changed givers says which.
        var revision = connection.ExecuteScalar<long>("UPDATE ledger_state SET revision = revision + 1 RETURNING revision", transaction: transaction);
        if (revision % ChangesKept == 0)
        {
            connection.Execute("DELETE FROM donor_totals_changes WHERE revision <= @oldest", new { oldest = revision - ChangesKept }, transaction);
            connection.Execute("UPDATE ledger_state SET changes_from = CASE WHEN changes_from > @oldest THEN changes_from ELSE @oldest END", new { oldest = revision - ChangesKept }, transaction);
        }
        using var statements = new Statements(connection, transaction);
        // Computed 500 givers a query: a batch of reports touches hundreds of givers.
        foreach (var chunk in changes.ToRecount.Chunk(500))
        {
            var rows = Totals.Query(connection, transaction, TotalsGroup.Donor, new TotalsFilter(), chunk).ToDictionary(r => r.Key);
            foreach (var donor in chunk) Write(statements, revision, donor, rows.GetValueOrDefault(Key(donor)));
        }
        foreach (var chunk in changes.ToAdd.Chunk(500))
        {
            var kept = connection.Query<Stored>($"SELECT {Columns} FROM donor_totals WHERE donor_id IN {Ids.In(chunk.Select(c => c.Giver))}", transaction: transaction)
                .ToDictionary(s => s.DonorId, ToRow);
            var unnamed = chunk.Select(c => c.Giver).Where(g => !kept.ContainsKey(g)).ToList();
            var names = unnamed.Count == 0 ? [] : connection.Query<(long Id, string Name)>(
                $"SELECT id, name FROM organizations WHERE id IN {Ids.In(unnamed)}", transaction: transaction).ToDictionary(o => o.Id, o => o.Name);
            foreach (var (giver, gifts) in chunk)
            {
                var row = kept.GetValueOrDefault(giver) ?? Sums.Empty(Key(giver), names[giver]);
                Write(statements, revision, giver, Sums.Plus(row, gifts));
            }
        }
        statements.Flush();
    }

    private static string Key(long donor) => donor.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A giver with no row has no donation that counts (any longer).
    private static void Write(Statements statements, long revision, long donor, TotalsRow? row)
    {
        statements.Add(Tables.DonorTotalsChanges, revision, donor);
        if (row is null)
        {
            statements.Execute("DELETE FROM donor_totals WHERE donor_id = @donor", ("@donor", donor));
            return;
        }
        // Ranked as every list of totals is (Sums.Ranking), in fen for the rank index.
        var (given, reported) = Sums.Ranking(row);
        statements.Add(Tables.DonorTotals, donor, row.Name,
            FenOf(row.Cash), Q(row.Cash), FenOf(row.GoodsValue), Q(row.GoodsValue), FenOf(row.Combined), Q(row.Combined),
            FenOf(row.ReportedCash), Q(row.ReportedCash), FenOf(row.ReportedGoodsValue), Q(row.ReportedGoodsValue),
            FenOf(row.ReportedCombined), Q(row.ReportedCombined),
            (long)row.Donations, (long)row.ReportedTotals, (long)row.Sources, Items(row.Items),
            (long)(given * 100m), (long)(reported * 100m),
            TotalsFormat.Utf8JsonObject(row));
    }

    // Revisions of changes kept: an answer older than that is read whole again.
    private const int ChangesKept = 1000;

    /// <summary>Recomputes every giver's row (after an upgrade that adds the table to a filled ledger).</summary>
    public static void RefreshAll(DbConnection connection, DbTransaction transaction) =>
        Refresh(connection, transaction, connection.Query<long>("SELECT DISTINCT donor_id FROM donations", transaction: transaction).ToList());

    private static long? FenOf(Sum? sum) => sum is null ? null : (long)(sum.Yuan * 100m);

    private static string? Q(Sum? sum) => sum is null ? null : Q(sum.Qualifier);

    private static string Q(Qualifier qualifier) => Vocabulary.Snake(qualifier);

    private static Sum? SumOf(long? fen, string? qualifier) => Fen.Yuan(fen) is { } yuan ? new Sum(yuan, Fen.Qualifier(qualifier)) : null;

    // Items kept as "category unit quantity qualifier donations" lines: read back without a JSON parser,
    // since totals by donor read tens of thousands of rows.
    private static string Items(IReadOnlyList<ItemTotal> items) =>
        string.Join("\n", items.Select(i => string.Join('\t', i.Category, i.Unit,
            i.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), Q(i.Qualifier), i.Donations.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static List<ItemTotal> ParseItems(string text)
    {
        var items = new List<ItemTotal>();
        if (text.Length == 0) return items;
        foreach (var line in text.Split('\n'))
        {
            var cells = line.Split('\t');
            items.Add(new ItemTotal(cells[0], cells[1], decimal.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture),
                Fen.Qualifier(cells[3]), int.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture)));
        }
        return items;
    }

    private static TotalsRow ToRow(Stored s)
    {
        var items = ParseItems(s.Items);
        return new TotalsRow(s.DonorId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name,
            SumOf(s.CashFen, s.CashQualifier), SumOf(s.GoodsFen, s.GoodsQualifier), SumOf(s.CombinedFen, s.CombinedQualifier),
            SumOf(s.ReportedCashFen, s.ReportedCashQualifier), SumOf(s.ReportedGoodsFen, s.ReportedGoodsQualifier),
            SumOf(s.ReportedCombinedFen, s.ReportedCombinedQualifier), (int)s.Donations, (int)s.ReportedTotals, (int)s.Sources, items);
    }
}

/// <summary>
/// What one write transaction did to each giver's totals: gifts and reports added, which the kept
/// row takes by adding them; or changes of any other kind (a document replaced, re-extracted, a
/// correction), after which the giver is recounted from the donations.
/// </summary>
internal sealed class GiverChanges
{
    // A null gift is one more report of a gift already counted.
    private readonly Dictionary<long, List<CountedGift?>> _added = [];
    private readonly HashSet<long> _recount = [];

    public void Gift(long giver, CountedGift gift) => AddedOf(giver).Add(gift);

    public void Report(long giver) => AddedOf(giver).Add(null);

    public void Recount(long giver) => _recount.Add(giver);

    public void Recount(IEnumerable<long> givers) => _recount.UnionWith(givers);

    /// <summary>After a document was rolled back: what was added may be gone with it, so every giver it could have touched is recounted.</summary>
    public void RecountAdded()
    {
        _recount.UnionWith(_added.Keys);
        _added.Clear();
    }

    public IReadOnlyCollection<long> ToRecount => _recount;

    public IEnumerable<(long Giver, List<CountedGift?> Gifts)> ToAdd => _added.Where(a => !_recount.Contains(a.Key)).Select(a => (a.Key, a.Value));

    private List<CountedGift?> AddedOf(long giver)
    {
        if (!_added.TryGetValue(giver, out var gifts)) _added[giver] = gifts = [];
        return gifts;
    }
}
