using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Ledger.Extraction;

namespace Ledger.Benchmarks;

/// <summary>
/// End to end, raw text to records, over the five seed reports. Throughput is the seeds' UTF-8 size
/// divided by the time of one operation (the MB/s column).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    private (string Text, string Name)[] _documents = [];

    /// <summary>UTF-8 bytes of the seeds, read by the MB/s column.</summary>
    public static long SeedBytes { get; private set; }

    [GlobalSetup]
    public void Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seeds");
        _documents = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(f), Path.GetFileName(f))).ToArray();
        SeedBytes = _documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
    }

    [Benchmark(Description = "extract all five seeds")]
    public int ExtractSeeds()
    {
        var records = 0;
        foreach (var (text, name) in _documents) records += DonationExtractor.Default.Extract(text, name).Count;
        return records;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>MB of seed text (UTF-8) extracted per second on one core.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Throughput";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Megabytes (10^6) of UTF-8 seed text per second";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } statistics) return "-";
            var bytes = SeedBytes > 0 ? SeedBytes : SeedSize();
            return (bytes / 1e6 / (statistics.Mean / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        // The column is computed in the host process, which did not run the setup.
        private static long SeedSize() =>
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Sum(f => (long)Encoding.UTF8.GetByteCount(File.ReadAllText(f)));
    }
}
