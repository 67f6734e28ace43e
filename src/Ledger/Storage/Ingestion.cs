using System.Security.Cryptography;
using System.Text;
using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using System.Data.Common;

namespace Ledger.Storage;

public enum IngestOutcome { New, Unchanged, Replaced, Failed }

/// <summary>What ingesting one document did; <see cref="Error"/> says why a document failed.</summary>
public sealed record IngestResult(string Document, IngestOutcome Outcome, int Records, int NewDonations, int JoinedReports, long DocumentId, string? Error = null);

/// <summary>A document to ingest: its name, and its text, read when its turn comes.</summary>
public sealed record DocumentSource(string Name, Func<string> Text);

/// <summary>
/// Puts documents into the ledger, idempotent by content (the same text again changes nothing); a
/// changed document under the same name replaces the records of its earlier version, which stays
/// stored as history. Reports are read before the write lock is taken; every document is stored
/// whole or not at all.
/// </summary>
public sealed class Ingestion(LedgerDatabase database, DonationExtractor? extractor = null)
{
    private readonly DonationExtractor _extractor = extractor ?? DonationExtractor.Default;

    /// <summary>Documents read at once, on every core, by <see cref="IngestMany"/> while the ones before them are written.</summary>
    internal const int BatchDocuments = 2500;

    /// <summary>The first batch: small, so that writing starts at once; each next one twice as large, up to <see cref="BatchDocuments"/>.</summary>
    internal const int FirstBatchDocuments = 100;

    public IngestResult Ingest(string name, string text, int? year = null) =>
        Store(name, text, () => _extractor.ExtractDocument(text, name, new ExtractionOptions { Year = year })).Result;

    /// <summary>
    /// Ingests many documents, in order, as fast as the machine allows: a batch is read on every
    /// core while the one before it is written, a few thousand records a transaction, each document
    /// behind a savepoint.
    /// A document that cannot be read or stored is reported as failed and the others go on; a
    /// process killed mid-batch leaves every document of the batch unstored, never half stored.
    /// </summary>
    public IEnumerable<IngestResult> IngestMany(IEnumerable<DocumentSource> documents, int? year = null)
    {
        using var batches = Batches(documents).GetEnumerator();
        var reading = batches.MoveNext() ? ReadAsync(batches.Current, year) : null;
        while (reading is not null)
        {
            var read = reading.GetAwaiter().GetResult();
            reading = batches.MoveNext() ? ReadAsync(batches.Current, year) : null;
            foreach (var written in Write(read, keepGoing: true))
                foreach (var result in written) yield return result;
        }
    }

    private static IEnumerable<DocumentSource[]> Batches(IEnumerable<DocumentSource> documents)
    {
        var size = FirstBatchDocuments;
        var batch = new List<DocumentSource>(size);
        foreach (var document in documents)
        {
            batch.Add(document);
            if (batch.Count < size) continue;
            yield return [.. batch];
            batch.Clear();
            size = Math.Min(size * 2, BatchDocuments);
        }
        if (batch.Count > 0) yield return [.. batch];
    }

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
        var (result, documentId) = Store(name, text,
            () => DonationExtractor.Entered(text, [entry.ToRecord(name, statement)], entry.Date?.Year));
        using var connection = database.Connect();
        var donationId = connection.ExecuteScalar<long>(
            "SELECT donation_id FROM records WHERE document_id = @documentId AND retired_at IS NULL ORDER BY id LIMIT 1", new { documentId });
        return (result, donationId);
    }

    private const string StoredText = "SELECT id FROM documents WHERE sha256 = @sha";

    /// <summary>A document read and extracted, ready to store; or why it could not be read.</summary>
    private sealed record ReadDocument(string Name, string Text, string Sha, int? Year, string? City, string? Published,
        IReadOnlyList<DonationRecord> Records, Exception? Error = null);

    private (IngestResult Result, long DocumentId) Store(string name, string text, Func<ExtractedDocument> read)
    {
        var sha = Sha(text);
        using (var connection = database.Connect())
        {
            if (connection.ExecuteScalar<long?>(StoredText, new { sha }) is { } stored)
                return (new IngestResult(name, IngestOutcome.Unchanged, 0, 0, 0, stored), stored);
        }
        var result = Write([Read(name, text, sha, read)], keepGoing: false).Single().Single();
        return (result, result.DocumentId);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Reading a report takes time; it is done before the write lock is taken, so it never keeps other writers waiting.
    private static ReadDocument Read(string name, string text, string sha, Func<ExtractedDocument> read)
    {
        if (Limits.NulAt(text) is { } nul) return new ReadDocument(name, "", "", null, null, null, [], new InvalidDataException(Limits.NulMessage(nul)));
        var extracted = read();
        return new(name, text, sha, extracted.Year, extracted.City, extracted.Published, extracted.Records);
    }

    private Task<ReadDocument[]> ReadAsync(DocumentSource[] batch, int? year) => Task.Run(() => batch.AsParallel().AsOrdered().Select(source =>
    {
        try
        {
            var text = source.Text();
            return Read(source.Name, text, Sha(text), () => _extractor.ExtractDocument(text, source.Name, new ExtractionOptions { Year = year }));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new ReadDocument(source.Name, "", "", null, null, null, [], error);
        }
    }).ToArray());

    /// <summary>
    /// Writes documents in order, as many to a transaction as make up <see cref="RecordsPerTransaction"/>
    /// records, and gives each transaction's results once it is committed.
    /// </summary>
    /// <remarks>
    /// The documents of a transaction are written together, their rows a statement a table. Should
    /// that fail, the transaction is written again a document at a time, each behind a savepoint, so
    /// that the document that cannot be stored is reported and the others go on.
    /// </remarks>
    private IEnumerable<IReadOnlyList<IngestResult>> Write(ReadDocument[] documents, bool keepGoing)
    {
        var next = 0;
        while (next < documents.Length)
        {
            var first = next;
            for (var records = 0; next < documents.Length && (records < RecordsPerTransaction || next == first); next++) records += documents[next].Records.Count;
            var part = documents[first..next];
            IReadOnlyList<IngestResult> results;
            try
            {
                results = InTransaction(part, oneByOne: false);
            }
            catch (Exception error) when (keepGoing && error is not OutOfMemoryException && !LedgerDatabase.IsBusy(error))
            {
                results = InTransaction(part, oneByOne: true);
            }
            yield return results;
        }
    }

    // The documents together (their look-ups read at once), or one by one, each behind a savepoint.
    private IReadOnlyList<IngestResult> InTransaction(ReadDocument[] documents, bool oneByOne)
    {
        using var connection = database.Connect();
        using var transaction = database.BeginWrite(connection);
        using var batch = new WriteBatch(connection, transaction);
        if (!oneByOne) Preload(batch, documents);
        // The documents of a transaction are ingested at one moment: they are committed together.
        var ingestedAt = LedgerDatabase.Now();
        var results = documents.Select(document => document.Error is { } unread ? Unread(document, unread)
            : oneByOne ? Written(batch, document, ingestedAt) : WriteOne(batch, document, ingestedAt)).ToList();
        batch.Finish();
        transaction.Commit();
        return results;
    }

    // The names the documents write, their givers' donations, and which of the documents are stored: read in a few queries for all of them.
    private static void Preload(WriteBatch batch, ReadDocument[] documents)
    {
        batch.PreloadDocuments(documents.Select(d => (d.Name, d.Sha)).ToList());
        var named = documents.SelectMany(d => d.Records.SelectMany(r => r.RecipientsWithKinds.Select(n => (n.Name, n.Kind, d.City))
            .Concat(r.Via is { } via ? [(via, r.ViaKind, d.City)] : []))).ToList();
        batch.Names.Preload(named);
        batch.Donations.Preload(batch.Names.Preload(documents.SelectMany(d => d.Records.Where(r => r.Donor is not null).Select(r => (r.Donor!, r.DonorKind, d.City)))));
    }

    private static IngestResult Unread(ReadDocument document, Exception error) => new(document.Name, IngestOutcome.Failed, 0, 0, 0, 0, error.Message);

    /// <summary>Records written in one transaction by <see cref="IngestMany"/>: fewer, larger transactions write faster; each holds the lock longer.</summary>
    internal const int RecordsPerTransaction = 20_000;

    // One document behind a savepoint, so that the others go on without it.
    private static IngestResult Written(WriteBatch batch, ReadDocument document, string ingestedAt)
    {
        batch.Transaction.Save("document");
        try
        {
            var result = WriteOne(batch, document, ingestedAt);
            batch.Statements.Flush();
            batch.Transaction.Release("document");
            return result;
        }
        catch (Exception error) when (error is not OutOfMemoryException && !LedgerDatabase.IsBusy(error))
        {
            batch.Statements.Drop();
            batch.Transaction.Rollback("document");
            batch.Forget();
            batch.Givers.RecountAdded();
            return new IngestResult(document.Name, IngestOutcome.Failed, 0, 0, 0, 0, error.Message);
        }
    }

    private static IngestResult WriteOne(WriteBatch batch, ReadDocument document, string ingestedAt)
    {
        var (connection, transaction, statements) = (batch.Connection, batch.Transaction, batch.Statements);
        // Another writer, or an earlier document of this transaction, may have stored the same text.
        if (KnownText(batch, document.Sha) is { } existing)
            return new IngestResult(document.Name, IngestOutcome.Unchanged, 0, 0, 0, existing);
        var previous = batch.CurrentDocuments is { } current
            ? current.TryGetValue(document.Name, out var known) ? known : null
            : statements.Single("SELECT id FROM documents WHERE name = @name AND replaced_by IS NULL", ("@name", document.Name)) as long?;
        var documentId = statements.NextId("documents");
        statements.Add(Tables.Documents, documentId, document.Name, document.Sha, document.Text, document.Year, document.City, ingestedAt,
            DonationExtractor.Version, document.Published);
        batch.KnownTexts?.Add(document.Sha, documentId);
        if (batch.CurrentDocuments is { } named) named[document.Name] = documentId;
        if (previous is { } old)
        {
            statements.Flush();
            batch.Givers.Recount(Retire(connection, transaction, old, documentId));
            batch.Forget();
        }
        var (created, joined) = AddRecords(batch, documentId, document.Records, document.City, document.Year, document.Published, ingestedAt);
        statements.WriteWhenMany();
        return new IngestResult(document.Name, previous is null ? IngestOutcome.New : IngestOutcome.Replaced, document.Records.Count, created, joined, documentId);
    }

    private static long? KnownText(WriteBatch batch, string sha) =>
        batch.KnownTexts is { } known ? known.TryGetValue(sha, out var id) ? id : null
        : batch.Statements.Single(StoredText, ("@sha", sha)) as long?;

    /// <summary>Stores a document's records: names resolved, each record placed in a donation; the givers touched noted in the batch.</summary>
    internal static (int Created, int Joined) AddRecords(WriteBatch batch, long documentId,
        IReadOnlyList<DonationRecord> records, string? city, int? documentYear, string? published, string ingestedAt)
    {
        var (names, statements) = (batch.Names, batch.Statements);
        int created = 0, joined = 0;
        foreach (var record in records)
        {
            long? donorId = record.Donor is null ? null : names.Resolve(record.Donor, record.DonorKind, city);
            var recipients = record.RecipientsWithKinds.Select(r => (r.Name, Id: names.Resolve(r.Name, r.Kind, city))).ToList();
            long? via = record.Via is { } channel ? names.Resolve(channel, record.ViaKind, city) : null;
            // A gift with no giver, or with no figure that can be counted, is kept as a record for the audit,
            // never as a donation: it cannot be counted for anyone.
            var counted = donorId is not null && !record.Optional;
            var (donationId, isNew, why) = counted
                ? batch.Donations.Place(documentId, donorId!.Value, record, recipients.Select(r => r.Id).ToList(), documentYear, published, ingestedAt)
                : (0L, false, (string?)null);
            InsertRecord(statements, documentId, donorId, via, counted ? donationId : null, why, record, recipients);
            if (!counted) continue;
            if (isNew) created++;
            else joined++;
        }
        return (created, joined);
    }

    // The earlier version stays readable; its records stop counting as sources of their donations.
    private static HashSet<long> Retire(DbConnection connection, DbTransaction transaction, long old, long replacement)
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

    internal static long InsertRecord(Statements statements, long documentId, long? donorId, long? viaId, long? donationId, string? joinReason,
        DonationRecord record, List<(string Name, long Id)> recipients)
    {
        var id = statements.NextId("records");
        statements.Add(Tables.Records, id, documentId, record.Line, record.Evidence, record.Donor, Vocabulary.Snake(record.DonorKind), donorId, record.Via, viaId,
            donationId, joinReason, Figure.Fen(record.Cash), Fen.QualifierOf(record.Cash), Figure.Fen(record.GoodsValue), Fen.QualifierOf(record.GoodsValue),
            Figure.Fen(record.Combined), Fen.QualifierOf(record.Combined),
            record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), record.CashOther?.Currency,
            record.Date?.ToString("yyyy-MM-dd"), record.Aggregate, record.Optional, DonationExtractor.Version, record.UnreadFigure);
        foreach (var (name, organizationId) in recipients) statements.Add(Tables.RecordRecipients, id, name, organizationId);
        foreach (var item in record.Items)
            statements.Add(Tables.RecordItems, id, Vocabulary.Snake(item.Category), item.Name,
                item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Fen.QualifierOf(item.Quantity), item.Unit);
        return id;
    }
}
