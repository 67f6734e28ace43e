using System.Data.Common;
using System.Globalization;
using Dapper;
using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>A record as re-extraction compares it: where it stands, who gave what, and its sentence.</summary>
public sealed record RecordSummary(int Line, string? Donor, string Figures, string Evidence)
{
    public override string ToString() => $"{Line} {Donor} {Figures}";
}

/// <summary>What re-extracting one document would change.</summary>
public sealed record DocumentChange(string Document, string StoredVersion, IReadOnlyList<RecordSummary> Added, IReadOnlyList<RecordSummary> Removed);

/// <summary>
/// Re-reads stored documents with the current extractor. <see cref="Plan"/> shows what would change
/// (records added and removed, with their sentences); <see cref="Apply"/> changes the ledger: the old
/// records are retired (kept, no longer counted) and the new ones placed as at ingest.
/// </summary>
public sealed class Reextraction(LedgerDatabase database, DonationExtractor? extractor = null)
{
    private readonly DonationExtractor _extractor = extractor ?? DonationExtractor.Default;

    public IReadOnlyList<DocumentChange> Plan()
    {
        using var connection = database.Connect();
        return Changes(connection, null).Select(c => c.Change).ToList();
    }

    /// <summary>Applies the plan, one transaction per document; returns what changed.</summary>
    public IReadOnlyList<DocumentChange> Apply()
    {
        var applied = new List<DocumentChange>();
        using var connection = database.Connect();
        foreach (var id in connection.Query<long>("SELECT id FROM documents WHERE replaced_by IS NULL ORDER BY id").ToList())
        {
            using var transaction = database.BeginWrite(connection);
            foreach (var (change, records, document) in Changes(connection, transaction, id))
            {
                var now = LedgerDatabase.Now();
                using var batch = new WriteBatch(connection, transaction);
                batch.Givers.Recount(connection.Query<long>(
                    "SELECT DISTINCT d.donor_id FROM donations d JOIN records r ON r.donation_id = d.id WHERE r.document_id = @id AND r.retired_at IS NULL",
                    new { id }, transaction));
                connection.Execute("""
                    UPDATE donations SET sources = sources - (
                        SELECT count(*) FROM records r WHERE r.donation_id = donations.id AND r.document_id = @id AND r.retired_at IS NULL)
                    WHERE id IN (SELECT donation_id FROM records WHERE document_id = @id AND retired_at IS NULL)
                    """, new { id }, transaction);
                connection.Execute("UPDATE records SET retired_at = @now WHERE document_id = @id AND retired_at IS NULL", new { id, now }, transaction);
                Ingestion.AddRecords(batch, id, records, document.City, document.Year, document.Published, now);
                batch.Finish();
                connection.Execute("UPDATE documents SET extractor_version = @version WHERE id = @id", new { id, version = DonationExtractor.Version }, transaction);
                applied.Add(change);
            }
            transaction.Commit();
        }
        return applied;
    }

    private sealed class StoredDocument
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Text { get; init; } = "";
        public int? Year { get; init; }
        public string? City { get; init; }
        public string ExtractorVersion { get; init; } = "";
        public string? Published { get; init; }
    }

    private IEnumerable<(DocumentChange Change, IReadOnlyList<DonationRecord> Records, StoredDocument Document)> Changes(
        DbConnection connection, DbTransaction? transaction, long? only = null)
    {
        var documents = connection.Query<StoredDocument>("""
            SELECT id AS Id, name AS Name, text AS Text, year AS Year, city AS City, extractor_version AS ExtractorVersion, published AS Published
            FROM documents WHERE replaced_by IS NULL AND (@only IS NULL OR id = @only) ORDER BY id
            """, new { only }, transaction).ToList();
        foreach (var document in documents)
        {
            var items = connection.Query<(long Record, string Item)>("""
                SELECT i.record_id, i.category || ' ' || coalesce(i.quantity, '') || coalesce(i.unit, '')
                FROM record_items i JOIN records r ON r.id = i.record_id WHERE r.document_id = @Id AND r.retired_at IS NULL
                """, new { document.Id }, transaction).ToLookup(i => i.Record, i => i.Item);
            var stored = connection.Query<(long Id, int Line, string? Donor, long? Cash, long? Goods, long? Combined, bool Aggregate, string Evidence)>("""
                SELECT r.id, r.line, r.donor, r.cash_fen, r.goods_fen, r.combined_fen, r.aggregate, r.evidence
                FROM records r WHERE r.document_id = @Id AND r.retired_at IS NULL AND r.donor IS NOT NULL ORDER BY r.id
                """, new { document.Id }, transaction)
                .Select(r => new RecordSummary(r.Line, r.Donor, Figures(r.Cash, r.Goods, r.Combined, r.Aggregate, items[r.Id]), r.Evidence)).ToList();
            // The year the document was first read with is its own or the caller's; keep it.
            var records = _extractor.Extract(document.Text, document.Name, new ExtractionOptions { Year = document.Year });
            var fresh = records.Where(r => r.Donor is not null).Select(r => new RecordSummary(r.Line, r.Donor,
                Figures(Figure.Fen(r.Cash), Figure.Fen(r.GoodsValue), Figure.Fen(r.Combined), r.Aggregate,
                    r.Items.Select(i => $"{Vocabulary.Snake(i.Category)} {i.Quantity?.Value.ToString(CultureInfo.InvariantCulture)}{i.Unit}")),
                r.Evidence)).ToList();
            var added = Difference(fresh, stored);
            var removed = Difference(stored, fresh);
            if (added.Count == 0 && removed.Count == 0) continue;
            yield return (new DocumentChange(document.Name, document.ExtractorVersion, added, removed), records, document);
        }
    }

    // Items in code-point order: the stored ones come back in no order of their own.
    private static string Figures(long? cash, long? goods, long? combined, bool aggregate, IEnumerable<string> items) =>
        string.Join(" ", new[]
        {
            cash is { } c ? $"cash {c / 100m}" : null, goods is { } g ? $"goods {g / 100m}" : null,
            combined is { } m ? $"combined {m / 100m}" : null, string.Join("、", items.Order(StringComparer.Ordinal)) is { Length: > 0 } listed ? listed : null,
            aggregate ? "total" : null,
        }.Where(p => p is not null));

    // Records of the first list that the second lacks, counting repeats.
    private static List<RecordSummary> Difference(List<RecordSummary> first, List<RecordSummary> second)
    {
        var left = second.Select(r => (r.Line, r.Donor, r.Figures)).ToList();
        var result = new List<RecordSummary>();
        foreach (var record in first)
        {
            var at = left.IndexOf((record.Line, record.Donor, record.Figures));
            if (at >= 0) left.RemoveAt(at);
            else result.Add(record);
        }
        return result;
    }
}
