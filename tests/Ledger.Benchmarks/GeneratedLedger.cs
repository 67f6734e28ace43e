using Dapper;
using Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Ledger.Benchmarks;

/// <summary>
/// A ledger of generated donations for measuring totals at scale: givers with a long tail (a few
/// give often), cash and goods with qualifiers, items and receivers. Built once and kept in the
/// temp folder, since every benchmark runs in a process of its own.
/// </summary>
internal static class GeneratedLedger
{
    public const int Donations = 1_000_000;
    public const int Givers = 40_000;

    private static readonly string[] Categories = ["mask", "protective_suit", "goggles", "disinfectant", "alcohol", "food", "medicine"];
    private static readonly string[] Units = ["只", "套", "副", "箱", "瓶", "吨", "盒"];
    private static readonly string[] Qualifiers = ["exact", "exact", "exact", "exact", "at_least", "at_most", "about"];

    public static LedgerDatabase Open()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ledger-benchmark-{Donations}-v{Schema.Latest}.db");
        if (File.Exists(path) && Complete(path)) return LedgerDatabase.Open(path);
        foreach (var stale in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(stale);
        var database = LedgerDatabase.Open(path);
        Fill(database);
        return database;
    }

    private static bool Complete(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'donor_totals'") == 1
               && connection.ExecuteScalar<long>("SELECT count(*) FROM donations") == Donations
               && connection.ExecuteScalar<long>("SELECT count(*) FROM donor_totals") > 0;
    }

    private static void Fill(LedgerDatabase database)
    {
        var random = new Random(20200209);
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        using (var giver = Prepared(connection, transaction, "INSERT INTO organizations (id, name, kind) VALUES ($id, $name, $kind)", "$id", "$name", "$kind"))
        {
            for (var g = 1; g <= Givers + 100; g++)
                Run(giver, g, g <= Givers ? $"捐赠单位{g:D5}" : $"受赠医院{g:D3}", g <= Givers ? "company" : "hospital");
        }
        using var donation = Prepared(connection, transaction, """
            INSERT INTO donations (id, donor_id, cash_fen, cash_qualifier, goods_fen, goods_qualifier, gift_date, published_year,
                                   first_ingested_at, month, aggregate, sources)
            VALUES ($id, $donor, $cash, $cq, $goods, $gq, $date, 2020, '2020-03-01T00:00:00.000Z', $month, $aggregate, 1)
            """, "$id", "$donor", "$cash", "$cq", "$goods", "$gq", "$date", "$month", "$aggregate");
        using var item = Prepared(connection, transaction,
            "INSERT INTO donation_items (donation_id, category, unit, quantity, qualifier) VALUES ($id, $category, $unit, $quantity, 'exact')",
            "$id", "$category", "$unit", "$quantity");
        using var recipient = Prepared(connection, transaction,
            "INSERT INTO donation_recipients (donation_id, organization_id) VALUES ($id, $recipient)", "$id", "$recipient");
        for (var d = 1; d <= Donations; d++)
        {
            // A long tail: giver ids drawn with a squared random number, so low ids give often.
            var donor = 1 + (int)(Math.Pow(random.NextDouble(), 2) * Givers);
            var hasCash = random.NextDouble() < 0.7;
            var hasGoods = !hasCash || random.NextDouble() < 0.2;
            var day = new DateOnly(2020, 1, 20).AddDays(random.Next(0, 120));
            Run(donation, d, donor,
                hasCash ? (object)(random.NextInt64(100, 1_000_000_00)) : DBNull.Value, hasCash ? Qualifiers[random.Next(Qualifiers.Length)] : DBNull.Value,
                hasGoods ? (object)(random.NextInt64(100, 1_000_000_00)) : DBNull.Value, hasGoods ? Qualifiers[random.Next(Qualifiers.Length)] : DBNull.Value,
                day.ToString("yyyy-MM-dd"), day.ToString("yyyy-MM"), random.NextDouble() < 0.1 ? 1 : 0);
            if (hasGoods)
            {
                var k = random.Next(Categories.Length);
                Run(item, d, Categories[k], Units[k], random.Next(1, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            Run(recipient, d, Givers + 1 + random.Next(100));
        }
        DonorTotals.RefreshAll(connection, transaction);
        transaction.Commit();
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
