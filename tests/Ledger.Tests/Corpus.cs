using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Tests;

/// <summary>
/// The real-report corpus (36 reports from other sites and years, with hand-annotated gold), as
/// copied beside the tests from the project's shared corpus.
/// </summary>
internal static class Corpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "corpus", "docs");

    public static string GoldFile => Path.Combine(AppContext.BaseDirectory, "Data", "corpus", "gold.jsonl");

    public static IEnumerable<string> Files => Directory.GetFiles(Folder, "*.txt").OrderBy(Path.GetFileName, StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<DonationRecord>> Extracted = new(() =>
        Files.SelectMany(f => DonationExtractor.Default.Extract(File.ReadAllText(f), Path.GetFileName(f))).ToList());

    /// <summary>Every record the extractor reads from the corpus (computed once).</summary>
    public static IReadOnlyList<DonationRecord> Records => Extracted.Value;
}
