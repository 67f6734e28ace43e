using BenchmarkDotNet.Attributes;
using Ledger.Storage;

namespace Ledger.Benchmarks;

/// <summary>Ingesting the five seeds into a fresh ledger: extraction, names, joining, one transaction a document.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private (string Name, string Text)[] _seeds = [];
    private string _folder = "";
    private int _run;

    [GlobalSetup]
    public void Load()
    {
        _seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        _folder = Path.Combine(Path.GetTempPath(), "ledger-ingest-benchmark-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
    }

    [Benchmark(Description = "ingest five seeds (74 records) into a new ledger")]
    public int IngestSeeds()
    {
        var ledger = LedgerDatabase.Open(Path.Combine(_folder, $"run-{_run++}.db"));
        var ingestion = new Ingestion(ledger);
        return _seeds.Sum(s => ingestion.Ingest(s.Name, s.Text).Records);
    }

    [GlobalCleanup]
    public void Remove()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// Bulk ingest into a ledger that already holds a million donations: a generated report of a
/// thousand gift sentences a run, each a new document, through the whole path (extraction, names,
/// joining against the donations already there, giver totals kept). Records per second is 1,000
/// divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class BulkIngestBenchmarks
{
    public const int GiftsPerReport = 1_000;
    private static readonly string[] Places = ["哈尔滨", "齐齐哈尔", "牡丹江", "佳木斯", "大庆", "鸡西", "双鸭山", "伊春"];
    private static readonly string[] Trades = ["建筑", "药业", "食品", "物流", "商贸", "电力", "机械", "农业"];
    private static readonly string[] Receivers = ["市红十字会", "市慈善总会", "哈医大一院", "市疾控中心"];

    private LedgerDatabase _database = null!;
    private Ingestion _ingestion = null!;
    private string _copy = "";
    private int _report;

    [GlobalSetup]
    public void Open()
    {
        var original = GeneratedLedger.Open().Path;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // A copy of its own: the ingested reports must not change the ledger the other benchmarks read.
        _copy = Path.Combine(Path.GetTempPath(), $"ledger-bulk-ingest-{Environment.ProcessId}.db");
        File.Copy(original, _copy, overwrite: true);
        _database = LedgerDatabase.Open(_copy);
        _ingestion = new Ingestion(_database);
    }

    [Benchmark(Description = "ingest a report of 1,000 gifts into the ledger of 1,000,000 donations")]
    public int IngestReport()
    {
        var report = _report++;
        return _ingestion.Ingest($"bulk-{report}.txt", Report(report), 2020).Records;
    }

    // One sentence a line, givers drawn from a pool that repeats across reports, as real reports do.
    private static string Report(int report)
    {
        var random = new Random(report);
        var text = new System.Text.StringBuilder("抗击疫情爱心捐赠公告（第").Append(report + 1).Append("期）\n");
        for (var i = 0; i < GiftsPerReport; i++)
        {
            var giver = $"{Places[random.Next(Places.Length)]}{Trades[random.Next(Trades.Length)]}第{random.Next(1, 500)}有限公司";
            var receiver = Receivers[random.Next(Receivers.Length)];
            text.Append(random.Next(3) switch
            {
                0 => $"{giver}捐赠现金{random.Next(1, 500)}万元。\n",
                1 => $"{giver}向{receiver}捐赠医用口罩{random.Next(1, 100) * 100}只，价值{random.Next(1, 50)}万元。\n",
                _ => $"{giver}向{receiver}捐赠防护服{random.Next(1, 100) * 10}套。\n",
            });
        }
        return text.ToString();
    }

    [GlobalCleanup]
    public void Remove()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_copy) + "*")) File.Delete(file);
    }
}
