using System.Text;
using BenchmarkDotNet.Attributes;
using Ledger.Extraction;

namespace Ledger.Benchmarks;

/// <summary>
/// A report pasted as one line, 4,650 gifts in one sentence of about 200 KB with no full stop,
/// beside as much ordinary report text (the seeds, joined): the long line must cost about what its
/// length costs, not the square of it.
/// </summary>
[MemoryDiagnoser]
public class LongSentenceBenchmarks
{
    private string _longLine = "";
    private string _ordinary = "";

    [GlobalSetup]
    public void Load()
    {
        _longLine = string.Concat(Enumerable.Repeat("某公司向某医院捐赠口罩1000只，", 4650));
        var folder = Path.Combine(AppContext.BaseDirectory, "seeds");
        var seeds = string.Join("\n", Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        // As many UTF-8 bytes of ordinary text as the long line has.
        var bytes = Encoding.UTF8.GetByteCount(_longLine);
        var ordinary = new StringBuilder();
        var ordinaryBytes = 0;
        foreach (var rune in seeds.EnumerateRunes())
        {
            if (ordinaryBytes >= bytes) break;
            ordinary.Append(rune.ToString());
            ordinaryBytes += rune.Utf8SequenceLength;
        }
        _ordinary = ordinary.ToString();
    }

    [Benchmark(Baseline = true, Description = "200 KB of ordinary report text")]
    public int Ordinary() => DonationExtractor.Default.Extract(_ordinary, "ordinary.txt").Count;

    [Benchmark(Description = "200 KB line of 4,650 gifts")]
    public int LongLine() => DonationExtractor.Default.Extract(_longLine, "long.txt").Count;
}
