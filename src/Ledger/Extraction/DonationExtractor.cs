using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>Caller-supplied context for one document.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Year for dates that state none, when the document itself does not reveal one.</summary>
    public int? Year { get; init; }
}

/// <summary>
/// Reads a report and lists every gift of money or supplies in it. Immutable and thread-safe:
/// build once, call from anywhere. Never throws on any input.
/// </summary>
public sealed class DonationExtractor
{
    /// <summary>Bumped whenever the rules change what they produce; stored with every record.</summary>
    public const string Version = "0.1.0";

    public static DonationExtractor Default { get; } = new();

    public IReadOnlyList<DonationRecord> Extract(string text, string docName, ExtractionOptions? options = null)
    {
        var document = TextNormalizer.Normalize(text ?? "");
        _ = document;
        return [];
    }
}
