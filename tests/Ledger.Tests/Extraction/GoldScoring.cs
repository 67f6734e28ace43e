using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Extraction.Scoring;

namespace Ledger.Tests.Extraction;

/// <summary>Extracted records scored against a gold file, as the reference scorer scores them.</summary>
internal static class GoldScoring
{
    /// <param name="files">Every document of the evaluated set: records on a document without gold count as spurious.</param>
    public static ExtractionScore Score(string goldFile, IEnumerable<DonationRecord> records, IEnumerable<string> files)
    {
        var golds = ExchangeRecord.ReadLines(new StreamReader(goldFile), goldFile);
        // Through the exchange format, as a run of `ledger extract` would be scored.
        var predictions = records.Select(r => ExchangeRecord.ReadLines(new StringReader(RecordJson.Write(r)), "extracted")[0]).ToList();
        return ExtractionScore.Compute(golds, predictions, files.Select(Path.GetFileName)!);
    }
}
