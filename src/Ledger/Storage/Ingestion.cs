using System.Security.Cryptography;
using System.Text;
using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Text;
using Microsoft.Data.Sqlite;

namespace Ledger.Storage;

public enum IngestOutcome { New, Unchanged, Replaced }

/// <summary>What ingesting one document did.</summary>
public sealed record IngestResult(string Document, IngestOutcome Outcome, int Records, int NewDonations, int JoinedReports, long DocumentId);

/// <summary>
/// Puts documents into the ledger: one transaction per document, idempotent by content (the same
/// text again changes nothing), and a changed document under the same name replaces the records of
/// its earlier version, which stays stored as history.
/// </summary>
public sealed class Ingestion(LedgerDatabase database, DonationExtractor? extractor = null)
{
    private readonly DonationExtractor _extractor = extractor ?? DonationExtractor.Default;

    public IngestResult Ingest(string name, string text, int? year = null) =>
        Store(name, text, year, () => _extractor.Extract(text, name, new ExtractionOptions { Year = year })).Result;

    /// <summary>
    /// Enters a gift by hand. It is stored as a document of its own (the statement it was entered
    /// from, and by whom), so it has a source, joins reports of the same gift and counts like any
    /// other; the same entry again changes nothing.
    /// </summary>
    /// <returns>What was stored, and the donation the gift is part of.</returns>
    public (IngestResult Result, long DonationId) Enter(HandEntry entry)
    {
        var statement = entry.Statement.ReplaceLineEndings(" ").Trim();
        // The document says what was entered, from what, and by whom: an audit of it needs nothing else.
        var text = $"{statement}\nentered by hand by {entry.EnteredBy.Trim()}: {entry.Describe()}\n";
        var name = "entered-by-hand/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        var (result, documentId) = Store(name, text, entry.Date?.Year, () => [entry.ToRecord(name, statement)]);
        using var connection = database.Connect();
        var donationId = connection.ExecuteScalar<long>(
            "SELECT donation_id FROM records WHERE document_id = @documentId AND retired_at IS NULL ORDER BY id LIMIT 1", new { documentId });
        return (result, donationId);
    }

    private const string KnownText = "SELECT id FROM documents WHERE sha256 = @sha";

    private (IngestResult Result, long DocumentId) Store(string name, string text, int? year, Func<IReadOnlyList<DonationRecord>> read)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        using var connection = database.Connect();
        if (connection.ExecuteScalar<long?>(KnownText, new { sha }) is { } stored)
            return (new IngestResult(name, IngestOutcome.Unchanged, 0, 0, 0, stored), stored);

        // Reading a report takes time; it is done before the write lock is taken, so a long report
        // never keeps other writers waiting.
        var documentYear = DateReader.DocumentYear(TextNormalizer.Normalize(text).Text) ?? year;
        var city = ReportCity.Of(text);
        var published = DateReader.PublicationDate(text);
        var records = read();

        using var transaction = connection.BeginTransaction();
        // Another writer may have stored the same text meanwhile.
        if (connection.ExecuteScalar<long?>(KnownText, new { sha }, transaction) is { } existing)
            return (new IngestResult(name, IngestOutcome.Unchanged, 0, 0, 0, existing), existing);
        var ingestedAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        var previous = connection.QueryFirstOrDefault<long?>(
            "SELECT id FROM documents WHERE name = @name AND replaced_by IS NULL", new { name }, transaction);
        var documentId = connection.ExecuteScalar<long>("""
            INSERT INTO documents (name, sha256, text, year, city, ingested_at, extractor_version, published)
            VALUES (@name, @sha, @text, @documentYear, @city, @ingestedAt, @version, @published) RETURNING id
            """, new { name, sha, text, documentYear, city, ingestedAt, version = DonationExtractor.Version, published }, transaction);
        var touched = previous is { } old ? Retire(connection, transaction, old, documentId) : [];
        var (created, joined) = AddRecords(connection, transaction, documentId, records, city, documentYear, published, ingestedAt, touched);
        DonorTotals.Refresh(connection, transaction, touched);
        transaction.Commit();
        return (new IngestResult(name, previous is null ? IngestOutcome.New : IngestOutcome.Replaced, records.Count, created, joined, documentId), documentId);
    }

    /// <summary>Stores a document's records: names resolved, each record placed in a donation.</summary>
    /// <param name="touched">Receives the givers whose donations changed.</param>
    internal static (int Created, int Joined) AddRecords(SqliteConnection connection, SqliteTransaction transaction, long documentId,
        IReadOnlyList<DonationRecord> records, string? city, int? documentYear, string? published, string ingestedAt, ISet<long> touched)
    {
        var names = new OrganizationNames(connection, transaction);
        using var statements = new Statements(connection, transaction);
        var donations = new DonationJoiner(connection, transaction, statements);
        int created = 0, joined = 0;
        foreach (var record in records)
        {
            long? donorId = record.Donor is null ? null : names.Resolve(record.Donor, record.DonorKind, city);
            var recipients = record.Recipients.Select(r => (Name: r, Id: names.Resolve(r, DonorNames.KindOf(r), city))).ToList();
            var recordId = InsertRecord(statements, documentId, donorId, record, recipients);
            if (record.Via is { } via)
                connection.Execute("UPDATE records SET via_id = @channel WHERE id = @recordId",
                    new { channel = names.Resolve(via, DonorNames.KindOf(via), city), recordId }, transaction);
            // A gift with no giver, or with no figure that can be counted, is kept as a record for the audit,
            // never as a donation: it cannot be counted for anyone.
            if (donorId is null || record.Optional) continue;
            touched.Add(donorId.Value);
            var (donationId, isNew, why) = donations.Place(recordId, documentId, donorId.Value, record, recipients.Select(r => r.Id).ToList(), documentYear, published, ingestedAt);
            statements.Execute("UPDATE records SET donation_id = $donation, join_reason = $why WHERE id = $record",
                ("$donation", donationId), ("$why", why), ("$record", recordId));
            if (isNew) created++;
            else joined++;
        }
        return (created, joined);
    }

    // The earlier version stays readable; its records stop counting as sources of their donations.
    private static HashSet<long> Retire(SqliteConnection connection, SqliteTransaction transaction, long old, long replacement)
    {
        connection.Execute("UPDATE documents SET replaced_by = @replacement WHERE id = @old", new { old, replacement }, transaction);
        var touched = connection.Query<long>(
            "SELECT DISTINCT d.donor_id FROM donations d JOIN records r ON r.donation_id = d.id WHERE r.document_id = @old", new { old }, transaction).ToHashSet();
        connection.Execute("""
            UPDATE donations SET sources = sources - (
                SELECT count(*) FROM records r WHERE r.donation_id = donations.id AND r.document_id = @old AND r.retired_at IS NULL)
            WHERE id IN (SELECT donation_id FROM records WHERE document_id = @old)
            """, new { old }, transaction);
        return touched;
    }

    internal static long InsertRecord(Statements statements, long documentId, long? donorId, DonationRecord record, List<(string Name, long Id)> recipients)
    {
        var id = statements.Scalar("""
            INSERT INTO records (document_id, line, evidence, donor, donor_kind, organization_id, via,
                                 cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier,
                                 other_amount, other_currency, gift_date, aggregate, optional, extractor_version, unread_figure)
            VALUES ($document, $line, $evidence, $donor, $kind, $donorId, $via, $cash, $cashQualifier, $goods, $goodsQualifier,
                    $combined, $combinedQualifier, $otherAmount, $otherCurrency, $date, $aggregate, $optional, $version, $unread)
            RETURNING id
            """,
            ("$document", documentId), ("$line", record.Line), ("$evidence", record.Evidence), ("$donor", record.Donor),
            ("$kind", Lexicon.ToSnake(record.DonorKind.ToString())), ("$donorId", donorId), ("$via", record.Via),
            ("$cash", Fen.Of(record.Cash)), ("$cashQualifier", Fen.QualifierOf(record.Cash)),
            ("$goods", Fen.Of(record.GoodsValue)), ("$goodsQualifier", Fen.QualifierOf(record.GoodsValue)),
            ("$combined", Fen.Of(record.Combined)), ("$combinedQualifier", Fen.QualifierOf(record.Combined)),
            ("$otherAmount", record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("$otherCurrency", record.CashOther?.Currency),
            ("$date", record.Date?.ToString("yyyy-MM-dd")), ("$aggregate", record.Aggregate), ("$optional", record.Optional),
            ("$version", DonationExtractor.Version), ("$unread", record.UnreadFigure));
        foreach (var (name, organizationId) in recipients)
            statements.Execute("INSERT INTO record_recipients (record_id, name, organization_id) VALUES ($id, $name, $organization)",
                ("$id", id), ("$name", name), ("$organization", organizationId));
        foreach (var item in record.Items)
            statements.Execute("INSERT INTO record_items (record_id, category, name, quantity, qualifier, unit) VALUES ($id, $category, $name, $quantity, $qualifier, $unit)",
                ("$id", id), ("$category", Lexicon.ToSnake(item.Category.ToString())), ("$name", item.Name),
                ("$quantity", item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("$qualifier", Fen.QualifierOf(item.Quantity)), ("$unit", item.Unit));
        return id;
    }
}
