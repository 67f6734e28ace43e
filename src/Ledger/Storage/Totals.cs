using System.Data.Common;
using System.Globalization;
using Dapper;
using Ledger.Domain;

namespace Ledger.Storage;

/// <summary>How totals are grouped.</summary>
public enum TotalsGroup { Donor, Recipient, DonorKind, Category, Month, Document }

/// <summary>The names a user writes for each grouping (`--by donor-kind`, `?by=donor-kind`).</summary>
public static class TotalsGroups
{
    public static readonly IReadOnlyDictionary<string, TotalsGroup> ByName = new Dictionary<string, TotalsGroup>
    {
        ["donor"] = TotalsGroup.Donor,
        ["recipient"] = TotalsGroup.Recipient,
        ["donor-kind"] = TotalsGroup.DonorKind,
        ["category"] = TotalsGroup.Category,
        ["month"] = TotalsGroup.Month,
        ["document"] = TotalsGroup.Document,
    };
}

/// <summary>Filters on the donations that totals count.</summary>
public sealed record TotalsFilter
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Category { get; init; }
    public string? DonorKind { get; init; }
    public string? Document { get; init; }

    /// <summary>Only the gifts of this giver.</summary>
    public long? Organization { get; init; }

    /// <summary>Only the gifts to this receiver.</summary>
    public long? Recipient { get; init; }
}

/// <summary>
/// Value given by one giver to one receiver, or to several receivers together when the reports state
/// a gift to all of them with no split (<see cref="Shared"/>): the flows of a giver add up to what it
/// gave, nothing is counted twice and no split is invented. No receiver: the reports name none.
/// </summary>
public sealed record Flow(OrganizationRef Donor, IReadOnlyList<OrganizationRef> Recipients, decimal Yuan, Qualifier Qualifier, int Donations)
{
    public bool Shared => Recipients.Count > 1;
}

/// <summary>Totals of the ledger's donations, grouped, with the latest correction of each field applied.</summary>
public sealed class Totals(LedgerDatabase database)
{
    /// <summary>The key of the group of gifts with no receiver (category, document) named.</summary>
    public const string NoneKey = "none";

    /// <summary>The name of the group of gifts whose receiver the reports do not name.</summary>
    public const string NoRecipient = "未注明受赠方";

    /// <summary>The name of the group of gifts with no goods named (cash alone, or a value without items).</summary>
    public const string NoItems = "未列明物资";

    // Donations with each field at its latest correction, narrowed by {0}: the rule of CorrectedFigures.Of,
    // in SQL (the tests hold the two to the same figures). A correction to null removes the figure
    // ('removed' tells it from no correction at all, which keeps the original).
    private const string CurrentDonations = """
        WITH current AS (
            SELECT d.id, d.donor_id, d.aggregate, d.sources, d.month, d.gift_date,
                   CAST(nullif(coalesce((SELECT coalesce(c.value, 'removed') FROM corrections c WHERE c.donation_id = d.id AND c.field = 'cash_fen' ORDER BY c.id DESC LIMIT 1), CAST(d.cash_fen AS TEXT)), 'removed') AS BIGINT) AS cash_fen,
                   d.cash_qualifier,
                   CAST(nullif(coalesce((SELECT coalesce(c.value, 'removed') FROM corrections c WHERE c.donation_id = d.id AND c.field = 'goods_fen' ORDER BY c.id DESC LIMIT 1), CAST(d.goods_fen AS TEXT)), 'removed') AS BIGINT) AS goods_fen,
                   d.goods_qualifier,
                   CAST(nullif(coalesce((SELECT coalesce(c.value, 'removed') FROM corrections c WHERE c.donation_id = d.id AND c.field = 'combined_fen' ORDER BY c.id DESC LIMIT 1), CAST(d.combined_fen AS TEXT)), 'removed') AS BIGINT) AS combined_fen,
                   d.combined_qualifier
            FROM donations d
            WHERE {0}
        )
        """;

    /// <summary>The donations that count: those with a source in a current document.</summary>
    internal const string Counted = "d.sources > 0";

    /// <summary>
    /// A CTE <c>current</c> of the donations <paramref name="where"/> selects (on <c>donations d</c>), each field at its latest
    /// correction (<see cref="CorrectedFigures.Of"/>).
    /// </summary>
    internal static string Current(string where) => string.Format(CultureInfo.InvariantCulture, CurrentDonations, where);

    /// <summary>
    /// The one date rule of every read: a gift counts on its date; a gift without one in its report's
    /// month (compared by month with @From and @To); a gift with neither is outside any date window.
    /// </summary>
    internal static string InDateWindow(string date, string month) => string.Format(CultureInfo.InvariantCulture, """
        (@From IS NULL OR coalesce({0}, {1}) >= substr(@From, 1, length(coalesce({0}, {1}))))
          AND (@To IS NULL OR coalesce({0}, {1}) <= substr(@To, 1, length(coalesce({0}, {1}))))
        """, date, month);

    // The conditions of a TotalsFilter on `current d`, but the giver, which narrows `current` itself (through the giver's index).
    private static readonly string Filtered = $"""
        {InDateWindow("d.gift_date", "d.month")}
          AND (@Category IS NULL OR EXISTS (SELECT 1 FROM donation_items i WHERE i.donation_id = d.id AND i.category = @Category))
          AND (@DonorKind IS NULL OR EXISTS (SELECT 1 FROM organizations k WHERE k.id = d.donor_id AND k.kind = @DonorKind))
          AND (@Document IS NULL OR {ReportedIn("d.id")})
          AND (@Recipient IS NULL OR EXISTS (SELECT 1 FROM donation_recipients x WHERE x.donation_id = d.id AND x.organization_id = @Recipient))
        """;

    /// <summary>
    /// The donation <paramref name="donation"/> has a report that counts in the document named @Document
    /// (one rule for the document filter of every read).
    /// </summary>
    internal static string ReportedIn(string donation) => string.Format(CultureInfo.InvariantCulture, """
        EXISTS (SELECT 1 FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.donation_id = {0} AND r.retired_at IS NULL AND doc.replaced_by IS NULL AND doc.name = @Document)
        """, donation);

    private static string OfGiver(TotalsFilter filter) => filter.Organization is null ? "" : " AND d.donor_id = @Organization";

    private sealed class Row
    {
        public string? Key { get; init; }
        public string? Name { get; init; }
        public long DonationId { get; init; }
        public bool Aggregate { get; init; }
        public int Sources { get; init; }
        public long? CashFen { get; init; }
        public string? CashQualifier { get; init; }
        public long? GoodsFen { get; init; }
        public string? GoodsQualifier { get; init; }
        public long? CombinedFen { get; init; }
        public string? CombinedQualifier { get; init; }
    }

    /// <summary>
    /// Totals by donor without a filter are kept ready: a row a giver, brought up to date by every write
    /// (<see cref="DonorTotals"/>), and the whole answer over them (<see cref="DonorTotalsAnswer"/>).
    /// </summary>
    private static bool AreKept(TotalsGroup group, TotalsFilter filter) => group == TotalsGroup.Donor && filter == new TotalsFilter();

    public IReadOnlyList<TotalsRow> By(TotalsGroup group, TotalsFilter? filter = null)
    {
        filter ??= new TotalsFilter();
        using var connection = database.Connect();
        if (AreKept(group, filter)) return DonorTotals.Read(connection);
        // One giver's totals by donor are its kept row.
        if (AreKept(group, filter with { Organization = null })) return DonorTotals.Read(connection, filter.Organization!.Value);
        return Query(connection, null, group, filter);
    }

    /// <summary>The first <paramref name="count"/> groups of <see cref="By"/>: by donor without filters, read through the rank index.</summary>
    public IReadOnlyList<TotalsRow> Top(TotalsGroup group, int count, TotalsFilter? filter = null)
    {
        filter ??= new TotalsFilter();
        if (!AreKept(group, filter)) return By(group, filter).Take(count).ToList();
        using var connection = database.Connect();
        return DonorTotals.Top(connection, count);
    }

    /// <summary>
    /// Writes totals as the UTF-8 JSON array of <see cref="TotalsFormat.Json"/>; by donor without
    /// filters the objects kept with each giver are copied out as they are.
    /// </summary>
    public void WriteJson(Stream output, TotalsGroup group, TotalsFilter? filter = null) => output.Write(Utf8Json(group, filter).Span);

    /// <summary>
    /// Totals as the UTF-8 JSON array of <see cref="TotalsFormat.Json"/>. By donor without filters the
    /// whole answer is kept until the next write, built from the objects kept with each giver.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json(TotalsGroup group, TotalsFilter? filter = null)
    {
        filter ??= new TotalsFilter();
        if (!AreKept(group, filter)) return System.Text.Encoding.UTF8.GetBytes(TotalsFormat.Json(By(group, filter)));
        return DonorTotalsAnswer.For(database).Body(database);
    }

    /// <summary>
    /// A page of <see cref="Utf8Json"/>: <paramref name="limit"/> groups from <paramref name="offset"/> on, and how many
    /// groups there are in all. By donor without filters the page is cut from the kept answer.
    /// </summary>
    public (ReadOnlyMemory<byte> Json, int Groups) Utf8JsonPage(TotalsGroup group, TotalsFilter? filter, int offset, int limit)
    {
        filter ??= new TotalsFilter();
        if (AreKept(group, filter)) return DonorTotalsAnswer.For(database).Page(database, offset, limit);
        var rows = By(group, filter);
        return (System.Text.Encoding.UTF8.GetBytes(TotalsFormat.Json(rows.Skip(offset).Take(limit).ToList())), rows.Count);
    }

    /// <summary>
    /// Quantities of goods per category and unit over the gifts <paramref name="filter"/> selects. Unlike
    /// values, quantities belong to one category each, so a gift of masks and suits counts in both.
    /// </summary>
    public IReadOnlyList<ItemTotal> Supplies(TotalsFilter? filter = null) =>
        By(TotalsGroup.Category, filter).SelectMany(row => row.Items).GroupBy(i => (i.Category, i.Unit))
            .Select(g => new ItemTotal(g.Key.Category, g.Key.Unit, g.Sum(i => i.Quantity), Sums.Combine(g.Select(i => i.Qualifier)), g.Sum(i => i.Donations)))
            .OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Unit, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// What went from each giver to each receiver, or to each set of receivers a gift was shared by
    /// (itemised gifts only, reported totals left out), largest first.
    /// </summary>
    public IReadOnlyList<Flow> Flows(TotalsFilter? filter = null)
    {
        filter ??= new TotalsFilter();
        using var connection = database.Connect();
        var sql = Current(Counted + " AND d.aggregate = 0" + OfGiver(filter)) + $"""
            SELECT d.id AS Id, o.id AS DonorId, o.name AS DonorName, o.kind AS DonorKind,
                   coalesce(d.cash_fen, 0) + coalesce(d.goods_fen, 0) + coalesce(d.combined_fen, 0) AS Fen,
                   d.cash_qualifier AS CashQualifier, d.goods_qualifier AS GoodsQualifier, d.combined_qualifier AS CombinedQualifier,
                   ro.id AS RecipientId, ro.name AS RecipientName, ro.kind AS RecipientKind
            FROM current d
            JOIN organizations o ON o.id = d.donor_id
            LEFT JOIN donation_recipients dr ON dr.donation_id = d.id
            LEFT JOIN organizations ro ON ro.id = dr.organization_id
            WHERE (d.cash_fen IS NOT NULL OR d.goods_fen IS NOT NULL OR d.combined_fen IS NOT NULL) AND {Filtered}
            """;
        var gifts = connection.Query<FlowRow>(sql, filter).GroupBy(r => r.Id)
            .Select(gift => (Gift: gift.First(), Recipients: gift.Where(r => r.RecipientId is not null)
                .Select(r => new OrganizationRef(r.RecipientId!.Value, r.RecipientName!, r.RecipientKind!)).DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList()));
        return gifts.GroupBy(g => (g.Gift.DonorId, Receivers: string.Join('+', g.Recipients.Select(r => r.Id))))
            .Select(g =>
            {
                var first = g.First();
                return new Flow(new OrganizationRef(first.Gift.DonorId, first.Gift.DonorName, first.Gift.DonorKind), first.Recipients,
                    g.Sum(x => (decimal)x.Gift.Fen) / 100m,
                    Combine(g.SelectMany(x => new[] { x.Gift.CashQualifier, x.Gift.GoodsQualifier, x.Gift.CombinedQualifier })),
                    g.Count());
            })
            .OrderByDescending(f => f.Yuan).ThenBy(f => f.Donor.Name, StringComparer.Ordinal)
            .ThenBy(f => string.Join('、', f.Recipients.Select(r => r.Name)), StringComparer.Ordinal)
            .ToList();
    }

    private sealed class FlowRow
    {
        public long Id { get; init; }
        public long DonorId { get; init; }
        public string DonorName { get; init; } = "";
        public string DonorKind { get; init; } = "";
        public long Fen { get; init; }
        public string? CashQualifier { get; init; }
        public string? GoodsQualifier { get; init; }
        public string? CombinedQualifier { get; init; }
        public long? RecipientId { get; init; }
        public string? RecipientName { get; init; }
        public string? RecipientKind { get; init; }
    }

    /// <summary>Forgets the answers kept for reads (for measuring a first read in a new process).</summary>
    internal static void ForgetAnswers() => DonorTotalsAnswer.ForgetAll();

    public string Json(TotalsGroup group, TotalsFilter? filter = null)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, group, filter);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <param name="givers">Only these givers' donations (the kept totals of the givers a write touched, computed in one query).</param>
    internal static IReadOnlyList<TotalsRow> Query(DbConnection connection, DbTransaction? transaction,
        TotalsGroup group, TotalsFilter filter, IReadOnlyCollection<long>? givers = null)
    {
        var (key, name, join) = group switch
        {
            TotalsGroup.Donor => ("CAST(o.id AS TEXT)", "o.name", "JOIN organizations o ON o.id = d.donor_id"),
            TotalsGroup.DonorKind => ("o.kind", "o.kind", "JOIN organizations o ON o.id = d.donor_id"),
            TotalsGroup.Recipient => ("CAST(ro.id AS TEXT)", "ro.name",
                "LEFT JOIN donation_recipients dr ON dr.donation_id = d.id LEFT JOIN organizations ro ON ro.id = dr.organization_id"),
            TotalsGroup.Category => ("di.category", "di.category", "LEFT JOIN (SELECT DISTINCT donation_id, category FROM donation_items) di ON di.donation_id = d.id"),
            TotalsGroup.Month => ("coalesce(d.month, 'unknown')", "coalesce(d.month, 'unknown')", ""),
            _ => ("doc.name", "doc.name",
                "LEFT JOIN (SELECT DISTINCT r.donation_id, doc.name FROM records r JOIN documents doc ON doc.id = r.document_id AND doc.replaced_by IS NULL WHERE r.retired_at IS NULL) doc ON doc.donation_id = d.id"),
        };
        // One giver's totals: the giver's index narrows the donations before anything is computed.
        var ofGivers = givers is null ? "" : $" AND d.donor_id IN {Ids.In(givers)}";
        var sql = Current(Counted + OfGiver(filter) + ofGivers) + $"""
            SELECT {key} AS Key, {name} AS Name, d.id AS DonationId, d.aggregate AS Aggregate, d.sources AS Sources,
                   d.cash_fen AS CashFen, d.cash_qualifier AS CashQualifier, d.goods_fen AS GoodsFen, d.goods_qualifier AS GoodsQualifier,
                   d.combined_fen AS CombinedFen, d.combined_qualifier AS CombinedQualifier
            FROM current d
            {join}
            WHERE {Filtered}
            """;
        // A donation of several receivers (categories, documents) comes once for each: it is counted once, in their shared group.
        var donations = connection.Query<Row>(sql, filter, transaction).GroupBy(r => r.DonationId)
            .Select(rows => (Group: GroupOf(group, rows), Donation: rows.First())).ToList();
        var items = ItemsOf(connection, transaction, donations.Select(d => d.Donation.DonationId).ToList());
        return donations.GroupBy(d => d.Group.Key)
            .Select(g => Summarise(g.First().Group, g.Select(d => d.Donation), items))
            .Order(Sums.Order)
            .ToList();
    }

    private static Dictionary<long, List<(string Category, string Unit, string? Quantity, string? Qualifier)>> ItemsOf(
        DbConnection connection, DbTransaction? transaction, List<long> donations)
    {
        var result = new Dictionary<long, List<(string, string, string?, string?)>>();
        foreach (var chunk in donations.Chunk(500))
        {
            foreach (var (id, category, unit, quantity, qualifier) in connection.Query<(long, string, string, string?, string?)>(
                         $"SELECT donation_id, category, unit, quantity, qualifier FROM donation_items WHERE donation_id IN {Ids.In(chunk)}", transaction: transaction))
            {
                if (!result.TryGetValue(id, out var list)) result[id] = list = [];
                list.Add((category, unit, quantity, qualifier));
            }
        }
        return result;
    }

    private sealed record Group(string Key, string Name, IReadOnlyList<GroupMember>? SharedAmong);

    /// <summary>
    /// The one group a donation counts in: its receiver (category, document), the shared group of all
    /// of them when it names several (keys joined by +, names by 、), or none when it names none.
    /// </summary>
    private static Group GroupOf(TotalsGroup group, IEnumerable<Row> rows)
    {
        var members = rows.Where(r => r.Key is not null).Select(r => new GroupMember(r.Key!, r.Name!)).DistinctBy(m => m.Key)
            .OrderBy(m => m.Key.Length).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        return members.Count switch
        {
            0 => new Group(NoneKey, group switch { TotalsGroup.Recipient => NoRecipient, TotalsGroup.Category => NoItems, _ => NoneKey }, null),
            1 => new Group(members[0].Key, members[0].Name, null),
            _ => new Group(string.Join('+', members.Select(m => m.Key)), string.Join('、', members.Select(m => m.Name)), members),
        };
    }

    // A group's totals are its donations added up by the one rule of every total; a donation reported
    // more than once counts once, with a source for each report.
    private static TotalsRow Summarise(Group group, IEnumerable<Row> donations,
        Dictionary<long, List<(string Category, string Unit, string? Quantity, string? Qualifier)>> items) =>
        Sums.Plus(Sums.Empty(group.Key, group.Name), donations.SelectMany(d => Reports(d, items))) with { SharedAmong = group.SharedAmong };

    private static IEnumerable<CountedGift?> Reports(Row donation, Dictionary<long, List<(string Category, string Unit, string? Quantity, string? Qualifier)>> items) =>
        Sums.Reported(new CountedGift(donation.Aggregate,
            donation.CashFen, Fen.Qualifier(donation.CashQualifier), donation.GoodsFen, Fen.Qualifier(donation.GoodsQualifier),
            donation.CombinedFen, Fen.Qualifier(donation.CombinedQualifier),
            items.GetValueOrDefault(donation.DonationId, []).Select(i => (i.Category, i.Unit,
                i.Quantity is null ? (decimal?)null : decimal.Parse(i.Quantity, CultureInfo.InvariantCulture), Fen.Qualifier(i.Qualifier))).ToList()),
            donation.Sources);

    private static Qualifier Combine(IEnumerable<string?> qualifiers) => Sums.Combine(qualifiers.Select(Fen.Qualifier));
}
