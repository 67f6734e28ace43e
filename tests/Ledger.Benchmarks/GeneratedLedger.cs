using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Ledger.Benchmarks;

/// <summary>
/// A ledger of generated donations for measuring totals at scale and checking that they add up:
/// givers of several kinds with a long tail (a few give often), cash, goods and combined figures
/// with qualifiers, items and receivers, reports in documents and corrections. Varied on purpose:
/// gifts shared by several receivers, goods of two categories, gifts without a date (or with only
/// their report's month), reported totals, gifts reported twice, documents replaced by a later
/// version and records retired by a re-extraction, figures corrected and removed. Built once and kept
/// in the temp folder, since every benchmark runs in a process of its own.
/// </summary>
internal static class GeneratedLedger
{
    public const int Donations = 1_000_000;
    public const int Givers = 40_000;
    public const int Receivers = 100;
    public const int Documents = 200;

    /// <summary>Documents that were replaced by a later version of the same name (their records no longer count).</summary>
    public const int ReplacedDocuments = 10;

    /// <summary>The generator's own version: a ledger file built by an earlier generator is built again.</summary>
    public const int Generation = 2;

    private static readonly string[] Categories = ["mask", "protective_suit", "goggles", "disinfectant", "alcohol", "food", "medicine"];
    private static readonly string[] Units = ["只", "套", "副", "箱", "瓶", "吨", "盒"];
    private static readonly string[] Qualifiers = ["exact", "exact", "exact", "exact", "at_least", "at_most", "about"];
    private static readonly (string Kind, double Share)[] Kinds =
        [("company", 0.60), ("person", 0.20), ("association", 0.08), ("government", 0.05), ("charity", 0.04), ("school", 0.03)];

    /// <summary>The file the generated ledger is kept in.</summary>
    public static string PathOf(int donations = Donations) =>
        Path.Combine(Path.GetTempPath(), $"ledger-benchmark-{donations}-v{Schema.Latest}-g{Generation}.db");

    /// <summary>How long the last <see cref="Open"/> took to build the ledger; null when it was already built.</summary>
    public static TimeSpan? BuildTime { get; private set; }

    /// <summary>Where the build time went: the rows, the givers' kept totals, writing the file.</summary>
    public static (TimeSpan Rows, TimeSpan GiverTotals, TimeSpan Commit) BuildSteps { get; private set; }

    /// <summary>Opens the generated ledger, building it first when needed (a smaller one for a quick check).</summary>
    public static LedgerDatabase Open(int donations = Donations)
    {
        var path = PathOf(donations);
        BuildTime = null;
        if (File.Exists(path) && Complete(path, donations)) return LedgerDatabase.Open(path);
        foreach (var stale in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(stale);
        var clock = Stopwatch.StartNew();
        var database = LedgerDatabase.Open(path);
        Fill(database, donations);
        BuildTime = clock.Elapsed;
        return database;
    }

    private static bool Complete(string path, int donations)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'donor_totals'") == 1
               && connection.ExecuteScalar<long>("SELECT count(*) FROM donations") == donations
               && connection.ExecuteScalar<long>("SELECT count(*) FROM donor_totals") > 0;
    }

    private static void Fill(LedgerDatabase database, int donations)
    {
        var random = new Random(20200209);
        var clock = Stopwatch.StartNew();
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var kinds = new string[Givers + 1];
        using (var organization = Prepared(connection, transaction, "INSERT INTO organizations (id, name, kind) VALUES ($id, $name, $kind)", "$id", "$name", "$kind"))
        {
            for (var g = 1; g <= Givers; g++)
            {
                kinds[g] = KindOf(random.NextDouble());
                Run(organization, g, kinds[g] == "person" ? $"捐赠人{g:D5}" : $"捐赠单位{g:D5}", kinds[g]);
            }
            for (var h = 1; h <= Receivers; h++) Run(organization, Givers + h, $"受赠医院{h:D3}", "hospital");
        }

        // Documents 1..200 are current; 201..210 are earlier versions of documents 1..10, replaced by them.
        using (var document = Prepared(connection, transaction, """
                   INSERT INTO documents (id, name, sha256, text, year, ingested_at, extractor_version, replaced_by)
                   VALUES ($id, $name, $sha, $text, 2020, $at, 'generated', $replacedBy)
                   """, "$id", "$name", "$sha", "$text", "$at", "$replacedBy"))
        {
            for (var n = 1; n <= Documents + ReplacedDocuments; n++)
            {
                var current = n <= Documents;
                var name = DocumentName(current ? n : n - Documents);
                var text = $"{name}（生成的报告{(current ? "" : "，早先的版本")}）\n";
                Run(document, n, name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"generated {n}: {text}"))), text,
                    current ? "2020-03-01T00:00:00.000Z" : "2020-02-15T00:00:00.000Z", current ? DBNull.Value : n - Documents);
            }
        }

        using var donation = Prepared(connection, transaction, """
            INSERT INTO donations (id, donor_id, cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier,
                                   gift_date, published_year, first_ingested_at, month, aggregate, sources)
            VALUES ($id, $donor, $cash, $cq, $goods, $gq, $combined, $mq, $date, 2020, '2020-03-01T00:00:00.000Z', $month, $aggregate, $sources)
            """, "$id", "$donor", "$cash", "$cq", "$goods", "$gq", "$combined", "$mq", "$date", "$month", "$aggregate", "$sources");
        using var item = Prepared(connection, transaction,
            "INSERT INTO donation_items (donation_id, category, unit, quantity, qualifier) VALUES ($id, $category, $unit, $quantity, 'exact')",
            "$id", "$category", "$unit", "$quantity");
        using var recipient = Prepared(connection, transaction,
            "INSERT INTO donation_recipients (donation_id, organization_id) VALUES ($id, $recipient)", "$id", "$recipient");
        using var record = Prepared(connection, transaction, """
            INSERT INTO records (document_id, line, evidence, donor, donor_kind, organization_id, cash_fen, cash_qualifier, goods_fen, goods_qualifier,
                                 combined_fen, combined_qualifier, gift_date, aggregate, optional, extractor_version, donation_id, join_reason, retired_at)
            VALUES ($document, $line, $evidence, $donor, $kind, $organization, $cash, $cq, $goods, $gq, $combined, $mq, $date, $aggregate, 0, 'generated',
                    $donation, $why, $retired)
            """, "$document", "$line", "$evidence", "$donor", "$kind", "$organization", "$cash", "$cq", "$goods", "$gq", "$combined", "$mq", "$date",
            "$aggregate", "$donation", "$why", "$retired");
        var lines = new int[Documents + ReplacedDocuments + 1];
        var shared = new List<long>();
        var receivers = new List<int>(10);
        for (var d = 1; d <= donations; d++)
        {
            // A long tail: giver ids drawn with a squared random number, so low ids give often.
            var donor = 1 + (int)(Math.Pow(random.NextDouble(), 2) * Givers);
            // Cash, goods or both; one gift in twenty states cash and goods together as one combined figure.
            var combinedOnly = random.NextDouble() < 0.05;
            var hasCash = !combinedOnly && random.NextDouble() < 0.7;
            var hasGoods = !combinedOnly && (!hasCash || random.NextDouble() < 0.2);
            object cash = hasCash ? random.NextInt64(100, 1_000_000_00) : DBNull.Value;
            object cashQualifier = hasCash ? Qualifiers[random.Next(Qualifiers.Length)] : DBNull.Value;
            object goods = hasGoods ? random.NextInt64(100, 1_000_000_00) : DBNull.Value;
            object goodsQualifier = hasGoods ? Qualifiers[random.Next(Qualifiers.Length)] : DBNull.Value;
            object combined = combinedOnly ? random.NextInt64(100, 1_000_000_00) : DBNull.Value;
            object combinedQualifier = combinedOnly ? Qualifiers[random.Next(Qualifiers.Length)] : DBNull.Value;
            // Dated (95%); undated in a report of a known month (3%); undated with no month at all (2%).
            var day = new DateOnly(2020, 1, 20).AddDays(random.Next(0, 120));
            var dating = random.NextDouble();
            object date = dating < 0.95 ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            object month = dating < 0.98 ? day.ToString("yyyy-MM", CultureInfo.InvariantCulture) : DBNull.Value;
            var aggregate = random.NextDouble() < 0.1 ? 1 : 0;

            // Where it was reported: one current document; one in fifty a second time in another (two sources);
            // a few also in a replaced version or in records a re-extraction retired (no source); one in
            // a thousand only there (no source at all: it no longer counts).
            var first = 1 + random.Next(Documents);
            var history = random.NextDouble();
            var gone = history < 0.001;
            var second = !gone && random.NextDouble() < 0.02 ? OtherThan(first, random) : 0;
            var replaced = history is >= 0.001 and < 0.006 ? Documents + 1 + random.Next(ReplacedDocuments) : 0;
            var retired = history is >= 0.006 and < 0.009 ? OtherThan(first, random) : 0;
            var sources = gone ? 0 : second > 0 ? 2 : 1;
            Run(donation, d, donor, cash, cashQualifier, goods, goodsQualifier, combined, combinedQualifier, date, month, aggregate, sources);

            var name = kinds[donor] == "person" ? $"捐赠人{donor:D5}" : $"捐赠单位{donor:D5}";
            void Report(int document, string why, object retiredAt) =>
                Run(record, document, ++lines[document], $"{name}捐赠（第{d}笔）", name, kinds[donor], donor, cash, cashQualifier, goods, goodsQualifier,
                    combined, combinedQualifier, date, aggregate, d, why, retiredAt);
            if (gone) Report(Documents + 1 + random.Next(ReplacedDocuments), "first report", DBNull.Value);
            else Report(first, "first report", DBNull.Value);
            if (second > 0) Report(second, "same giver, figures agree", DBNull.Value);
            if (replaced > 0) Report(replaced, "same giver, figures agree", DBNull.Value);
            if (retired > 0) Report(retired, "same giver, figures agree", "2020-03-02T00:00:00.000Z");

            // Goods: one category; one goods gift in fifteen of two categories; a few in two units of one.
            if (hasGoods)
            {
                var k = random.Next(Categories.Length);
                Run(item, d, Categories[k], Units[k], Quantity(random));
                var more = random.NextDouble();
                if (more < 0.07)
                {
                    var other = (k + 1 + random.Next(Categories.Length - 1)) % Categories.Length;
                    Run(item, d, Categories[other], Units[other], Quantity(random));
                }
                else if (more < 0.08) Run(item, d, Categories[k], "箱", Quantity(random));
            }

            // Receivers: one; one gift in twenty shared by 2 to 10 with no split; one in a hundred names none.
            var receiving = random.NextDouble();
            receivers.Clear();
            if (receiving < 0.05)
            {
                var count = random.Next(2, 11);
                while (receivers.Count < count)
                {
                    var r = Givers + 1 + random.Next(Receivers);
                    if (!receivers.Contains(r)) receivers.Add(r);
                }
                if (aggregate == 0 && !gone) shared.Add(d);
            }
            else if (receiving >= 0.06) receivers.Add(Givers + 1 + random.Next(Receivers));
            foreach (var r in receivers) Run(recipient, d, r);
        }

        // Corrections: a few hundred figures changed or removed (a fifth of them), a quarter of them on shared
        // gifts; some fields corrected twice, where the later correction is the one that counts.
        using var correction = Prepared(connection, transaction, """
            INSERT INTO corrections (donation_id, field, value, who, why, corrected_at) VALUES ($donation, $field, $value, 'generator', $why, $at)
            """, "$donation", "$field", "$value", "$why", "$at");
        string[] fields = ["cash_fen", "goods_fen", "combined_fen"];
        var corrected = new List<(long Donation, string Field)>();
        for (var c = 0; c < 400; c++)
        {
            var target = c % 4 == 0 ? shared[random.Next(shared.Count)] : 1 + random.Next(donations);
            var field = fields[random.Next(fields.Length)];
            corrected.Add((target, field));
            Correct(target, field, c);
        }
        for (var c = 0; c < 50; c++)
        {
            var (target, field) = corrected[random.Next(corrected.Count)];
            Correct(target, field, 400 + c);
        }
        void Correct(long target, string field, int n)
        {
            var removed = random.NextDouble() < 0.2;
            Run(correction, target, field, removed ? DBNull.Value : random.NextInt64(100, 1_000_000_00).ToString(CultureInfo.InvariantCulture),
                removed ? "the report names no such figure" : "the report was misread",
                new DateTime(2020, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        var rows = clock.Elapsed;

        // Each giver's kept totals, read through the same current (corrected) figures every read uses.
        clock.Restart();
        DonorTotals.RefreshAll(connection, transaction);
        var giverTotals = clock.Elapsed;
        clock.Restart();
        transaction.Commit();
        // Everything into the ledger file itself, so it can be copied and read without its write-ahead log.
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        BuildSteps = (rows, giverTotals, clock.Elapsed);
    }

    // A current document other than the given one.
    private static int OtherThan(int document, Random random) => 1 + (document + random.Next(Documents - 1)) % Documents;

    public static string DocumentName(int n) => $"报告{n:D3}.txt";

    private static string KindOf(double draw)
    {
        foreach (var (kind, share) in Kinds)
        {
            if (draw < share) return kind;
            draw -= share;
        }
        return Kinds[0].Kind;
    }

    // One item in a hundred is named without a count.
    private static object Quantity(Random random) =>
        random.NextDouble() < 0.01 ? DBNull.Value : random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture);

    private static System.Data.Common.DbCommand Prepared(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Run(System.Data.Common.DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
