using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Ledger.Domain;

namespace Ledger.Storage;

/// <summary>How a list of donations is ordered; every order ends on the donation's id, so pages never overlap.</summary>
public enum DonationOrder { Date, DateDescending, Amount, AmountDescending, Id }

/// <summary>Which donations to list, in what order, from where.</summary>
public sealed record DonationQuery
{
    public long? Donor { get; init; }
    public long? Recipient { get; init; }
    public string? Category { get; init; }

    /// <summary>First day (yyyy-MM-dd) of the gift's date, or of its month when the gift has no date.</summary>
    public string? From { get; init; }

    public string? To { get; init; }
    public string? Document { get; init; }
    public bool? Aggregate { get; init; }

    /// <summary>true: only gifts with neither a date nor a report month (outside any date window); false: only the others.</summary>
    public bool? Undated { get; init; }

    /// <summary>Least value in yuan: cash, goods value and combined figure together.</summary>
    public decimal? MinimumYuan { get; init; }

    /// <summary>Words the giver's name or a source sentence contains.</summary>
    public string? Text { get; init; }

    public DonationOrder Order { get; init; } = DonationOrder.Date;
    public int Limit { get; init; } = 50;

    /// <summary>Where the previous page ended (<see cref="DonationPage.Next"/>, or a client's <see cref="DonationCursor.Read">read back</see>).</summary>
    public DonationCursor? After { get; init; }
}

/// <summary>An organization or person as a donation names it.</summary>
public sealed record OrganizationRef(long Id, string Name, string Kind);

/// <summary>A figure of a donation in yuan, with how exact it is.</summary>
public sealed record Amount(decimal Yuan, Qualifier Qualifier);

/// <summary>Goods of a donation.</summary>
public sealed record DonationItem(string Category, string Unit, decimal? Quantity, Qualifier Qualifier);

/// <summary>A donation as counted now: each figure at its latest correction.</summary>
public sealed record DonationSummary(
    long Id,
    OrganizationRef Donor,
    IReadOnlyList<OrganizationRef> Recipients,
    Amount? Cash,
    Amount? GoodsValue,
    Amount? Combined,
    decimal Total,
    IReadOnlyList<DonationItem> Items,
    string? Date,
    string? Month,
    bool Aggregate,
    int Sources,
    string Sentence);

/// <summary>One place a donation is reported: the document, the line and the sentence, and why it joined.</summary>
public sealed record DonationSource(long RecordId, long DocumentId, string Document, int Line, string Sentence, string? JoinReason,
    string ExtractorVersion, bool Counted, Amount? Cash, Amount? GoodsValue, Amount? Combined);

/// <summary>A donation with its figures as first recorded, every source and every correction.</summary>
public sealed record DonationDetail(DonationSummary Donation, Amount? OriginalCash, Amount? OriginalGoodsValue, Amount? OriginalCombined,
    string FirstIngestedAt, IReadOnlyList<DonationSource> Sources, IReadOnlyList<Correction> Corrections);

/// <summary>A page of donations and the cursor of the next one (null on the last page).</summary>
public sealed record DonationPage(IReadOnlyList<DonationSummary> Donations, DonationCursor? Next);

/// <summary>The ledger's donations: filtered, ordered and paged by cursor, or one with its sources.</summary>
public sealed class Donations(LedgerDatabase database)
{
    public const int MaximumLimit = 500;

    private sealed class Row
    {
        public long Id { get; init; }
        public long DonorId { get; init; }
        public string DonorName { get; init; } = "";
        public string DonorKind { get; init; } = "";
        public long? CashFen { get; init; }
        public string? CashQualifier { get; init; }
        public long? GoodsFen { get; init; }
        public string? GoodsQualifier { get; init; }
        public long? CombinedFen { get; init; }
        public string? CombinedQualifier { get; init; }
        public long AmountFen { get; init; }
        public string? GiftDate { get; init; }
        public string? Month { get; init; }
        public string DateKey { get; init; } = "";
        public bool Aggregate { get; init; }
        public int Sources { get; init; }
    }

    // The donations `where` selects, as `listed`: current figures, giver, total and the key dates sort by.
    private static string Listed(string where) => Totals.Current(where) + """
        , listed AS (
            SELECT d.id AS Id, d.donor_id AS DonorId, o.name AS DonorName, o.kind AS DonorKind,
                   d.cash_fen AS CashFen, d.cash_qualifier AS CashQualifier, d.goods_fen AS GoodsFen, d.goods_qualifier AS GoodsQualifier,
                   d.combined_fen AS CombinedFen, d.combined_qualifier AS CombinedQualifier,
                   coalesce(d.cash_fen, 0) + coalesce(d.goods_fen, 0) + coalesce(d.combined_fen, 0) AS AmountFen,
                   d.gift_date AS GiftDate, d.month AS Month, coalesce(d.gift_date, d.month, '') AS DateKey,
                   d.aggregate AS Aggregate, d.sources AS Sources
            FROM current d JOIN organizations o ON o.id = d.donor_id
        )
        """;

    public DonationPage Find(DonationQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, MaximumLimit);
        var (key, descending) = query.Order switch
        {
            DonationOrder.Date => ("DateKey", false),
            DonationOrder.DateDescending => ("DateKey", true),
            DonationOrder.Amount => ("AmountFen", false),
            DonationOrder.AmountDescending => ("AmountFen", true),
            _ => ("Id", false),
        };
        if (query.After is { } after && after.Order != query.Order)
            throw new ArgumentException($"a cursor of a list by {after.Order} does not continue one by {query.Order}", nameof(query));
        var direction = descending ? "DESC" : "ASC";
        var beyond = descending ? "<" : ">";
        var sql = Listed(Totals.Counted) + $"""
            SELECT * FROM listed d
            WHERE {Matching}
              AND (@AfterId IS NULL OR d.{key} {beyond} @AfterKey OR (d.{key} = @AfterKey AND d.Id {beyond} @AfterId))
            ORDER BY d.{key} {direction}, d.Id {direction}
            LIMIT @Take
            """;
        using var connection = database.Connect();
        var rows = connection.Query<Row>(sql, Parameters(query, query.After?.Key, query.After?.Id, limit + 1)).ToList();
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? CursorAt(page[^1], query.Order) : null;
        return new DonationPage(Summaries(connection, page), next);
    }

    /// <summary>
    /// How many donations the query's filters select (the order, cursor and limit aside). Counting a
    /// million donations takes a third of a second, so a count is kept until the next write: the
    /// pages after the first of a list cost nothing more.
    /// </summary>
    public int Count(DonationQuery query)
    {
        var filters = query with { Order = DonationOrder.Date, Limit = 0, After = null };
        var revision = database.Revision();
        if (_counts.TryGetValue(filters, out var kept) && kept.Revision == revision) return kept.Count;
        using var connection = database.Connect();
        var count = connection.ExecuteScalar<int>(Listed(Totals.Counted) + $"SELECT count(*) FROM listed d WHERE {Matching}", Parameters(query, null, null, 0));
        if (_counts.Count >= KeptCounts) _counts.Clear();
        _counts[filters] = (revision, count);
        return count;
    }

    private const int KeptCounts = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DonationQuery, (long Revision, int Count)> _counts = new();

    // The filters of a DonationQuery on `listed d`.
    private static readonly string Matching = $"""
        (@Donor IS NULL OR d.DonorId = @Donor)
          AND (@Recipient IS NULL OR EXISTS (SELECT 1 FROM donation_recipients r WHERE r.donation_id = d.Id AND r.organization_id = @Recipient))
          AND (@Category IS NULL OR EXISTS (SELECT 1 FROM donation_items i WHERE i.donation_id = d.Id AND i.category = @Category))
          AND {Totals.InDateWindow("d.GiftDate", "d.Month")}
          AND (@Undated IS NULL OR @Undated = (d.DateKey = ''))
          AND (@Document IS NULL OR {Totals.ReportedIn("d.Id")})
          AND (@Aggregate IS NULL OR d.Aggregate = @Aggregate)
          AND (@MinimumFen IS NULL OR d.AmountFen >= @MinimumFen)
          AND (@Text IS NULL OR instr(d.DonorName, @Text) > 0
               OR EXISTS (SELECT 1 FROM records r WHERE r.donation_id = d.Id AND r.retired_at IS NULL AND instr(r.evidence, @Text) > 0))
        """;

    private static object Parameters(DonationQuery query, object? afterKey, long? afterId, int take) => new
    {
        query.Donor, query.Recipient, query.Category, query.From, query.To, query.Document,
        // A flag column holds 0 or 1 on every store.
        Aggregate = query.Aggregate is { } aggregate ? (aggregate ? 1 : 0) : (int?)null, query.Undated,
        MinimumFen = query.MinimumYuan is { } m ? (long?)Math.Ceiling(m * 100m) : null,
        Text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim(),
        AfterKey = afterKey, AfterId = afterId, Take = take,
    };

    public DonationDetail? Get(long id)
    {
        using var connection = database.Connect();
        // A donation whose every report was withdrawn still has its sources and history to show.
        var row = connection.QueryFirstOrDefault<Row>(Listed("d.id = @id") + "SELECT * FROM listed", new { id });
        if (row is null) return null;
        var original = connection.QuerySingle<(long? Cash, string? CashQ, long? Goods, string? GoodsQ, long? Combined, string? CombinedQ, string At)>(
            "SELECT cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier, first_ingested_at FROM donations WHERE id = @id", new { id });
        var sources = connection.Query<(long RecordId, long DocumentId, string Document, int Line, string Sentence, string? Why, string Version, bool Counted,
                long? Cash, string? CashQ, long? Goods, string? GoodsQ, long? Combined, string? CombinedQ)>("""
                SELECT r.id, doc.id, doc.name, r.line, r.evidence, r.join_reason, r.extractor_version,
                       r.retired_at IS NULL AND doc.replaced_by IS NULL,
                       r.cash_fen, r.cash_qualifier, r.goods_fen, r.goods_qualifier, r.combined_fen, r.combined_qualifier
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.donation_id = @id ORDER BY r.id
                """, new { id })
            .Select(s => new DonationSource(s.RecordId, s.DocumentId, s.Document, s.Line, s.Sentence, s.Why, s.Version, s.Counted,
                Fen.Amount(s.Cash, s.CashQ), Fen.Amount(s.Goods, s.GoodsQ), Fen.Amount(s.Combined, s.CombinedQ)))
            .ToList();
        return new DonationDetail(Summaries(connection, [row])[0],
            Fen.Amount(original.Cash, original.CashQ), Fen.Amount(original.Goods, original.GoodsQ), Fen.Amount(original.Combined, original.CombinedQ),
            original.At, sources, new Corrections(database).Of(id));
    }

    private static List<DonationSummary> Summaries(DbConnection connection, List<Row> rows)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var recipients = connection.Query<(long Donation, long Id, string Name, string Kind)>($"""
                SELECT dr.donation_id, o.id, o.name, o.kind FROM donation_recipients dr JOIN organizations o ON o.id = dr.organization_id
                WHERE dr.donation_id IN {Ids.In(ids)} ORDER BY o.name
                """)
            .ToLookup(r => r.Donation, r => new OrganizationRef(r.Id, r.Name, r.Kind));
        var items = connection.Query<(long Donation, string Category, string Unit, string? Quantity, string? Qualifier)>(
                $"SELECT donation_id, category, unit, quantity, qualifier FROM donation_items WHERE donation_id IN {Ids.In(ids)} ORDER BY rowid")
            .ToLookup(i => i.Donation, i => new DonationItem(i.Category, i.Unit,
                i.Quantity is null ? null : decimal.Parse(i.Quantity, CultureInfo.InvariantCulture), Fen.Qualifier(i.Qualifier)));
        // The sentence shown with a donation is its first report that still counts.
        var sentences = connection.Query<(long Donation, string Sentence)>($"""
                SELECT r.donation_id, r.evidence FROM records r
                WHERE r.donation_id IN {Ids.In(ids)}
                ORDER BY r.retired_at IS NOT NULL, r.id
                """)
            .GroupBy(s => s.Donation).ToDictionary(g => g.Key, g => g.First().Sentence);
        return rows.Select(r => new DonationSummary(r.Id, new OrganizationRef(r.DonorId, r.DonorName, r.DonorKind),
                recipients[r.Id].ToList(), Fen.Amount(r.CashFen, r.CashQualifier), Fen.Amount(r.GoodsFen, r.GoodsQualifier),
                Fen.Amount(r.CombinedFen, r.CombinedQualifier), r.AmountFen / 100m, items[r.Id].ToList(), r.GiftDate, r.Month, r.Aggregate,
                r.Sources, sentences.GetValueOrDefault(r.Id, "")))
            .ToList();
    }

    // Where a page that ends on `last` ended: the value the order sorts by, and the id that breaks ties.
    private static DonationCursor CursorAt(Row last, DonationOrder order) => new(order, order switch
    {
        DonationOrder.Date or DonationOrder.DateDescending => last.DateKey,
        DonationOrder.Amount or DonationOrder.AmountDescending => last.AmountFen,
        _ => last.Id,
    }, last.Id);
}

/// <summary>
/// Where a page of donations ended: the last donation's sort key and id, so the next page starts
/// right after it even when donations are added meanwhile. Clients hold it as opaque text
/// (base64url, <see cref="Text"/>) and send it back to be <see cref="Read"/>.
/// </summary>
public sealed record DonationCursor
{
    internal DonationCursor(DonationOrder order, object key, long id) => (Order, Key, Id) = (order, key, id);

    /// <summary>The order of the list the page was of: the cursor continues that order only.</summary>
    public DonationOrder Order { get; }

    // The value the order sorts by: the date key as text, an amount in fen or an id as a number.
    internal object Key { get; }

    internal long Id { get; }

    /// <summary>The cursor as a client holds it.</summary>
    public string Text =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(int)Order}|{Id}|{Key}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The cursor <paramref name="text"/> is for a list in <paramref name="order"/>, or why the ledger cannot take it.</summary>
    public static CursorReading Read(string text, DonationOrder order)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[base64.Length / 4 * 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length)) return new CursorReading.NotGivenOut("the cursor is not one this ledger gave out");
        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split('|', 3);
        if (parts.Length != 3 || parts[0] != ((int)order).ToString(CultureInfo.InvariantCulture)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return new CursorReading.NotGivenOut("the cursor is not one this ledger gave out for this order");
        if (order is DonationOrder.Date or DonationOrder.DateDescending) return new CursorReading.Found(new DonationCursor(order, parts[2], id));
        return long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            ? new CursorReading.Found(new DonationCursor(order, key, id))
            : new CursorReading.NotGivenOut("the cursor is not one this ledger gave out");
    }
}

/// <summary>What a cursor a client sent back reads as: where its page starts, or why it is not one the ledger gave out.</summary>
public abstract record CursorReading
{
    public sealed record Found(DonationCursor Cursor) : CursorReading;

    /// <param name="Reason">What is wrong with it, in words for the client.</param>
    public sealed record NotGivenOut(string Reason) : CursorReading;
}
