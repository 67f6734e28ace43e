using Dapper;

namespace Ledger.Storage;

/// <summary>A stored document: what it is, when it was read, and what it gave the ledger.</summary>
public sealed record DocumentInfo(long Id, string Name, string Sha256, int? Year, string? City, string? Published, string IngestedAt,
    string ExtractorVersion, long? ReplacedBy, int Lines, int Records);

/// <summary>One line of a document, numbered as in the original file.</summary>
public sealed record DocumentLine(int Number, string Text);

/// <summary>Lines of a document around one line, so a reader can check a record against its sentence.</summary>
public sealed record DocumentExcerpt(DocumentInfo Document, int Line, IReadOnlyList<DocumentLine> Lines);

/// <summary>A record as stored from a document: where, who, what, and the donation it counts in (none without a giver).</summary>
public sealed record StoredRecord(long RecordId, int Line, string Sentence, string? Donor, long? DonationId, IReadOnlyList<string> Recipients,
    Amount? Cash, Amount? GoodsValue, Amount? Combined, bool Aggregate, string ExtractorVersion, bool Counted);

/// <summary>The documents of the ledger, stored whole: every record's sentence can be shown from the ledger alone.</summary>
public sealed class Sources(LedgerDatabase database)
{
    public const int MaximumContext = 200;

    private sealed class InfoRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public long? Year { get; init; }
        public string? City { get; init; }
        public string? Published { get; init; }
        public string IngestedAt { get; init; } = "";
        public string ExtractorVersion { get; init; } = "";
        public long? ReplacedBy { get; init; }
        public long Lines { get; init; }
        public long Records { get; init; }

        public DocumentInfo ToInfo() => new(Id, Name, Sha256, (int?)Year, City, Published, IngestedAt, ExtractorVersion, ReplacedBy, (int)Lines, (int)Records);
    }

    // Lines are counted by their breaks, sent as a parameter: the stores spell a newline differently in SQL.
    private const string Info = """
        SELECT d.id AS Id, d.name AS Name, d.sha256 AS Sha256, d.year AS Year, d.city AS City, d.published AS Published,
               d.ingested_at AS IngestedAt, d.extractor_version AS ExtractorVersion, d.replaced_by AS ReplacedBy,
               length(d.text) - length(replace(d.text, @NewLine, '')) + CASE WHEN d.text <> '' AND substr(d.text, length(d.text)) <> @NewLine THEN 1 ELSE 0 END AS Lines,
               (SELECT count(*) FROM records r WHERE r.document_id = d.id AND r.retired_at IS NULL) AS Records
        FROM documents d
        """;

    private const string NewLine = "\n";

    /// <summary>Whether the ledger has no document at all.</summary>
    public bool None()
    {
        using var connection = database.Connect();
        return connection.ExecuteScalar<bool>("SELECT NOT EXISTS (SELECT 1 FROM documents)");
    }

    /// <summary>Current documents (a replaced version is reached from its replacement's history), by name.</summary>
    public IReadOnlyList<DocumentInfo> List(bool withHistory = false)
    {
        using var connection = database.Connect();
        return connection.Query<InfoRow>(Info + " WHERE @withHistory OR d.replaced_by IS NULL ORDER BY d.name, d.id", new { withHistory, NewLine }).Select(r => r.ToInfo()).ToList();
    }

    public DocumentInfo? Get(long id)
    {
        using var connection = database.Connect();
        return connection.QueryFirstOrDefault<InfoRow>(Info + " WHERE d.id = @id", new { id, NewLine })?.ToInfo();
    }

    /// <summary>The current document of that name; null when there is none.</summary>
    public DocumentInfo? Named(string name)
    {
        using var connection = database.Connect();
        return connection.QueryFirstOrDefault<InfoRow>(Info + " WHERE d.name = @name AND d.replaced_by IS NULL", new { name, NewLine })?.ToInfo();
    }

    /// <summary>A document's whole text, as ingested; null when no such document.</summary>
    public string? Text(long id)
    {
        using var connection = database.Connect();
        return connection.QueryFirstOrDefault<string>("SELECT text FROM documents WHERE id = @id", new { id });
    }

    /// <summary>The records read from a document, in the order of its lines.</summary>
    public IReadOnlyList<StoredRecord> Records(long id)
    {
        using var connection = database.Connect();
        var recipients = connection.Query<(long Record, string Name)>("""
                SELECT rr.record_id, rr.name FROM record_recipients rr JOIN records r ON r.id = rr.record_id WHERE r.document_id = @id ORDER BY rr.rowid
                """, new { id })
            .ToLookup(r => r.Record, r => r.Name);
        return connection.Query<(long Id, int Line, string Sentence, string? Donor, long? DonationId, long? Cash, string? CashQ, long? Goods, string? GoodsQ,
                long? Combined, string? CombinedQ, bool Aggregate, string Version, bool Counted)>("""
                SELECT r.id, r.line, r.evidence, r.donor, r.donation_id, r.cash_fen, r.cash_qualifier, r.goods_fen, r.goods_qualifier,
                       r.combined_fen, r.combined_qualifier, r.aggregate, r.extractor_version, r.retired_at IS NULL AND doc.replaced_by IS NULL
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.document_id = @id ORDER BY r.line, r.id
                """, new { id })
            .Select(r => new StoredRecord(r.Id, r.Line, r.Sentence, r.Donor, r.DonationId, recipients[r.Id].ToList(),
                Fen.Amount(r.Cash, r.CashQ), Fen.Amount(r.Goods, r.GoodsQ), Fen.Amount(r.Combined, r.CombinedQ),
                r.Aggregate, r.Version, r.Counted))
            .ToList();
    }

    /// <summary>The lines from <paramref name="context"/> before <paramref name="line"/> to as many after it, or why there are none.</summary>
    public LinesAround Around(long id, int line, int context = 3)
    {
        using var connection = database.Connect();
        var document = connection.QueryFirstOrDefault<InfoRow>(Info + " WHERE d.id = @id", new { id, NewLine })?.ToInfo();
        if (document is null) return new LinesAround.NoDocument();
        if (line < 1 || line > document.Lines) return new LinesAround.NoSuchLine(document.Name, document.Lines);
        context = Math.Clamp(context, 0, MaximumContext);
        var text = connection.QuerySingle<string>("SELECT text FROM documents WHERE id = @id", new { id });
        var lines = text.Split('\n');
        var first = Math.Max(1, line - context);
        var last = Math.Min(document.Lines, line + context);
        return new LinesAround.Found(new DocumentExcerpt(document, line,
            Enumerable.Range(first, last - first + 1).Select(n => new DocumentLine(n, lines[n - 1].TrimEnd('\r'))).ToList()));
    }
}

/// <summary>What asking for the lines around a line found: the excerpt, no such document, or no such line.</summary>
public abstract record LinesAround
{
    public sealed record Found(DocumentExcerpt Excerpt) : LinesAround;

    public sealed record NoDocument : LinesAround;

    public sealed record NoSuchLine(string Document, int Lines) : LinesAround;
}
