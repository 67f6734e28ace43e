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
        connection.Query<Stored>($"SELECT {Columns} FROM donor_totals")
            .OrderByDescending(s => s.GivenFen).ThenByDescending(s => s.ReportedFen).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(ToRow).ToList();

    /// <summary>The <paramref name="count"/> givers who gave most, through the rank index.</summary>
    public static IReadOnlyList<TotalsRow> Top(DbConnection connection, int count) =>
        connection.Query<Stored>($"SELECT {Columns} FROM donor_totals ORDER BY given_fen DESC, reported_fen DESC, name LIMIT @count", new { count })
            .Select(ToRow).ToList();

    public static IReadOnlyList<TotalsRow> Read(DbConnection connection, long donor) =>
        connection.Query<Stored>($"SELECT {Columns} FROM donor_totals WHERE donor_id = @donor", new { donor }).Select(ToRow).ToList();

    /// <summary>One giver's kept JSON object and the keys totals by donor are ordered by.</summary>
    internal sealed record Kept(long DonorId, long Given, long Reported, string Name, byte[] Json);

    /// <summary>The order of totals by donor: most given first, then most reported, then by name.</summary>
    internal static readonly IComparer<Kept> Order = Comparer<Kept>.Create((a, b) =>
        b.Given != a.Given ? b.Given.CompareTo(a.Given)
        : b.Reported != a.Reported ? b.Reported.CompareTo(a.Reported)
        : string.CompareOrdinal(a.Name, b.Name));

    /// <summary>Every giver's kept object, or those of the given givers (a giver with no row has no totals).</summary>
    public static List<Kept> ReadKept(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long>? donors = null)
    {
        var rows = new List<Kept>();
        foreach (var chunk in donors is null ? [null] : donors.Chunk(500).Cast<long[]?>())
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT donor_id, given_fen, reported_fen, name, json FROM donor_totals"
                                  + (chunk is null ? "" : $" WHERE donor_id IN {Ids.In(chunk)}");
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows.Add(new Kept(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), (byte[])reader.GetValue(4)));
        }
        return rows;
    }

    /// <summary>Recomputes the rows of the given givers from their current donations.</summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, IEnumerable<long> donors)
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
        foreach (var chunk in donors.Distinct().Chunk(500))
        {
            var rows = Totals.Query(connection, transaction, TotalsGroup.Donor, new TotalsFilter(), chunk).ToDictionary(r => r.Key);
            foreach (var donor in chunk)
            {
                statements.Execute("INSERT INTO donor_totals_changes (revision, donor_id) VALUES (@revision, @donor)", ("@revision", revision), ("@donor", donor));
                if (!rows.TryGetValue(donor.ToString(System.Globalization.CultureInfo.InvariantCulture), out var row))
                {
                    statements.Execute("DELETE FROM donor_totals WHERE donor_id = @donor", ("@donor", donor));
                    continue;
                }
                statements.Execute("""
                    INSERT INTO donor_totals (donor_id, name, cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier,
                        reported_cash_fen, reported_cash_qualifier, reported_goods_fen, reported_goods_qualifier, reported_combined_fen, reported_combined_qualifier,
                        donations, reported_totals, sources, items, given_fen, reported_fen, json)
                    VALUES (@donor, @name, @cash, @cashQ, @goods, @goodsQ, @combined, @combinedQ, @rCash, @rCashQ, @rGoods, @rGoodsQ, @rCombined, @rCombinedQ,
                        @donations, @reportedTotals, @sources, @items, @given, @reported, @json)
                    ON CONFLICT (donor_id) DO UPDATE SET
                        name = excluded.name, cash_fen = excluded.cash_fen, cash_qualifier = excluded.cash_qualifier, goods_fen = excluded.goods_fen,
                        goods_qualifier = excluded.goods_qualifier, combined_fen = excluded.combined_fen, combined_qualifier = excluded.combined_qualifier, reported_cash_fen = excluded.reported_cash_fen,
                        reported_cash_qualifier = excluded.reported_cash_qualifier, reported_goods_fen = excluded.reported_goods_fen, reported_goods_qualifier = excluded.reported_goods_qualifier, reported_combined_fen = excluded.reported_combined_fen,
                        reported_combined_qualifier = excluded.reported_combined_qualifier, donations = excluded.donations, reported_totals = excluded.reported_totals, sources = excluded.sources,
                        items = excluded.items, given_fen = excluded.given_fen, reported_fen = excluded.reported_fen, json = excluded.json
                    """,
                    ("@donor", donor), ("@name", row.Name),
                    ("@cash", FenOf(row.Cash)), ("@cashQ", Q(row.Cash)), ("@goods", FenOf(row.GoodsValue)), ("@goodsQ", Q(row.GoodsValue)),
                    ("@combined", FenOf(row.Combined)), ("@combinedQ", Q(row.Combined)),
                    ("@rCash", FenOf(row.ReportedCash)), ("@rCashQ", Q(row.ReportedCash)), ("@rGoods", FenOf(row.ReportedGoodsValue)), ("@rGoodsQ", Q(row.ReportedGoodsValue)),
                    ("@rCombined", FenOf(row.ReportedCombined)), ("@rCombinedQ", Q(row.ReportedCombined)),
                    ("@donations", row.Donations), ("@reportedTotals", row.ReportedTotals), ("@sources", row.Sources),
                    ("@items", Items(row.Items)),
                    ("@given", (FenOf(row.Cash) ?? 0) + (FenOf(row.GoodsValue) ?? 0) + (FenOf(row.Combined) ?? 0)),
                    ("@reported", (FenOf(row.ReportedCash) ?? 0) + (FenOf(row.ReportedGoodsValue) ?? 0) + (FenOf(row.ReportedCombined) ?? 0)),
                    ("@json", System.Text.Encoding.UTF8.GetBytes(TotalsFormat.Json([row])[1..^1])));
            }
        }
        statements.Flush();
    }

    // Revisions of changes kept: an answer older than that is read whole again.
    private const int ChangesKept = 1000;

    /// <summary>Recomputes every giver's row (after an upgrade that adds the table to a filled ledger).</summary>
    public static void RefreshAll(DbConnection connection, DbTransaction transaction) =>
        Refresh(connection, transaction, connection.Query<long>("SELECT DISTINCT donor_id FROM donations", transaction: transaction).ToList());

    private static long? FenOf(Sum? sum) => sum is null ? null : (long)(sum.Yuan * 100m);

    private static string? Q(Sum? sum) => sum is null ? null : Q(sum.Qualifier);

    private static string Q(Qualifier qualifier) => Vocabulary.Snake(qualifier);

    private static Sum? SumOf(long? fen, string? qualifier) => fen is { } f ? new Sum(f / 100m, Fen.Qualifier(qualifier)) : null;

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
