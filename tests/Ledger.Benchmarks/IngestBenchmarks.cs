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
