using BenchmarkDotNet.Attributes;
using Ledger.Extraction;

namespace Ledger.Benchmarks;

/// <summary>
/// Many short reports, as `ledger ingest` meets them (see <see cref="BulkReports"/>): what extraction
/// costs a report when the reports are small and many, time and bytes allocated. The reports are
/// generated once into a folder of their own, read into memory and the folder removed.
/// </summary>
[MemoryDiagnoser]
public class BulkExtractionBenchmarks
{
    private const int Reports = 1_000;

    private (string Text, string Name)[] _reports = [];

    [GlobalSetup]
    public void Generate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ledger-bulk-" + Guid.NewGuid().ToString("N"));
        try
        {
            BulkReports.Write(Reports, folder);
            _reports = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
                .Select(f => (File.ReadAllText(f), Path.GetFileName(f))).ToArray();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Description = "extract 1,000 generated reports")]
    public int ExtractReports()
    {
        var records = 0;
        foreach (var (text, name) in _reports) records += DonationExtractor.Default.ExtractDocument(text, name).Records.Count;
        return records;
    }
}
