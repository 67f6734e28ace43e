using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Tests;

/// <summary>The five seed reports and their hand-checked gold records, as copied beside the tests.</summary>
internal static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string GoldFile => Path.Combine(AppContext.BaseDirectory, "Data", "seeds.gold.jsonl");

    public static IEnumerable<string> Files => Directory.GetFiles(Folder, "*.txt").OrderBy(Path.GetFileName, StringComparer.Ordinal);

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    private static readonly Lazy<IReadOnlyList<DonationRecord>> Extracted = new(() =>
        Files.SelectMany(f => DonationExtractor.Default.Extract(File.ReadAllText(f), Path.GetFileName(f))).ToList());

    /// <summary>Every record the extractor reads from the seeds (computed once).</summary>
    public static IReadOnlyList<DonationRecord> Records => Extracted.Value;
}
