using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using Microsoft.Data.Sqlite;

namespace Ledger.Storage;

/// <summary>
/// Places a record in the ledger: a repeated report of a gift already recorded (same giver, the same
/// kind of figure, agreeing figures or goods, compatible date and receivers) joins that donation as
/// one more source; anything else is a new donation. Reported totals only join reported totals.
/// A donation's month is its gift's, else its document's publication month.
/// </summary>
/// <remarks>
/// A joiner serves one document. Each giver's donations are read once, with their goods and
/// receivers, and kept up to date as the document's records are placed, so a report of thousands of
/// gifts by one giver costs a comparison in memory per pair, not a query.
/// </remarks>
internal sealed class DonationJoiner(SqliteConnection connection, SqliteTransaction transaction, Statements statements)
{
    private sealed class Known
    {
        public long Id { get; init; }
        public long? CashFen { get; init; }
        public long? GoodsFen { get; init; }
        public long? CombinedFen { get; init; }
        public string? GiftDate { get; set; }
        public List<(string Category, decimal? Quantity)> Items { get; } = [];
        public HashSet<long> Recipients { get; } = [];

        /// <summary>Lines of this document that report it: another record of such a line is another gift, never a repeat.</summary>
        public HashSet<int> Lines { get; } = [];
    }

    private readonly Dictionary<(long Donor, bool Aggregate), List<Known>> _givers = new();

    public (long Id, bool IsNew, string Why) Place(long recordId, long documentId, long donorId, DonationRecord record,
        IReadOnlyList<long> recipients, int? publishedYear, string? published, string ingestedAt)
    {
        var cash = Fen.Of(record.Cash);
        var goods = Fen.Of(record.GoodsValue);
        var combined = Fen.Of(record.Combined);
        var date = record.Date?.ToString("yyyy-MM-dd");
        var known = KnownOf(donorId, record.Aggregate);
        foreach (var candidate in known)
        {
            if (candidate.Lines.Contains(record.Line) || Agreement(candidate, cash, goods, combined, date, record, recipients) is not { } why) continue;
            statements.Execute("UPDATE donations SET sources = sources + 1, gift_date = coalesce(gift_date, $date), month = coalesce(month, substr($date, 1, 7)) WHERE id = $id",
                ("$id", candidate.Id), ("$date", date));
            foreach (var recipient in recipients.Where(candidate.Recipients.Add)) AddRecipient(candidate.Id, recipient);
            candidate.GiftDate ??= date;
            candidate.Lines.Add(record.Line);
            return (candidate.Id, false, why);
        }
        var id = statements.Scalar("""
            INSERT INTO donations (donor_id, cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier,
                                   other_amount, other_currency, gift_date, published_year, first_ingested_at, month, aggregate, sources)
            VALUES ($donor, $cash, $cashQualifier, $goods, $goodsQualifier, $combined, $combinedQualifier,
                    $otherAmount, $otherCurrency, $date, $publishedYear, $ingestedAt, coalesce(substr($date, 1, 7), substr($published, 1, 7)), $aggregate, 1)
            RETURNING id
            """,
            ("$donor", donorId), ("$cash", cash), ("$cashQualifier", Fen.QualifierOf(record.Cash)), ("$goods", goods),
            ("$goodsQualifier", Fen.QualifierOf(record.GoodsValue)), ("$combined", combined), ("$combinedQualifier", Fen.QualifierOf(record.Combined)),
            ("$otherAmount", record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("$otherCurrency", record.CashOther?.Currency),
            ("$date", date), ("$publishedYear", publishedYear), ("$ingestedAt", ingestedAt), ("$published", published), ("$aggregate", record.Aggregate));
        var placed = new Known { Id = id, CashFen = cash, GoodsFen = goods, CombinedFen = combined, GiftDate = date };
        placed.Lines.Add(record.Line);
        foreach (var recipient in recipients.Where(placed.Recipients.Add)) AddRecipient(id, recipient);
        foreach (var item in record.Items)
        {
            var category = Lexicon.ToSnake(item.Category.ToString());
            statements.Execute("INSERT INTO donation_items (donation_id, category, unit, quantity, qualifier) VALUES ($id, $category, $unit, $quantity, $qualifier)",
                ("$id", id), ("$category", category), ("$unit", item.Unit ?? ""),
                ("$quantity", item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("$qualifier", Fen.QualifierOf(item.Quantity)));
            placed.Items.Add((category, item.Quantity?.Value));
        }
        known.Add(placed);
        return (id, true, "first report");
    }

    private void AddRecipient(long donation, long recipient) =>
        statements.Execute("INSERT OR IGNORE INTO donation_recipients (donation_id, organization_id) VALUES ($donation, $recipient)",
            ("$donation", donation), ("$recipient", recipient));

    // The giver's donations that still count, with their goods and receivers: three queries the first time a document names the giver.
    private List<Known> KnownOf(long donorId, bool aggregate)
    {
        if (_givers.TryGetValue((donorId, aggregate), out var known)) return known;
        known = connection.Query<Known>("""
            SELECT d.id AS Id, d.cash_fen AS CashFen, d.goods_fen AS GoodsFen, d.combined_fen AS CombinedFen, d.gift_date AS GiftDate
            FROM donations d WHERE d.donor_id = @donorId AND d.sources > 0 AND d.aggregate = @aggregate
            """, new { donorId, aggregate }, transaction).ToList();
        var byId = known.ToDictionary(k => k.Id);
        foreach (var (id, category, quantity) in connection.Query<(long, string, string?)>("""
                     SELECT i.donation_id, i.category, i.quantity FROM donation_items i JOIN donations d ON d.id = i.donation_id
                     WHERE d.donor_id = @donorId AND d.sources > 0 AND d.aggregate = @aggregate
                     """, new { donorId, aggregate }, transaction))
            byId[id].Items.Add((category, quantity is null ? null : decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (id, recipient) in connection.Query<(long, long)>("""
                     SELECT r.donation_id, r.organization_id FROM donation_recipients r JOIN donations d ON d.id = r.donation_id
                     WHERE d.donor_id = @donorId AND d.sources > 0 AND d.aggregate = @aggregate
                     """, new { donorId, aggregate }, transaction))
            byId[id].Recipients.Add(recipient);
        _givers[(donorId, aggregate)] = known;
        return known;
    }

    /// <summary>Why the record reports the known donation again, or null when it does not.</summary>
    private static string? Agreement(Known known, long? cash, long? goods, long? combined, string? date, DonationRecord record, IReadOnlyList<long> recipients)
    {
        if (date is not null && known.GiftDate is not null && date != known.GiftDate) return null;
        var reasons = new List<string>();
        foreach (var (name, a, b) in new[] { ("cash", cash, known.CashFen), ("goods value", goods, known.GoodsFen), ("combined", combined, known.CombinedFen) })
        {
            if (a is null || b is null) continue;
            if (!Close(a.Value, b.Value)) return null;
            reasons.Add($"{name} {Fen.Yuan(a)} yuan agrees");
        }
        if (reasons.Count == 0)
        {
            // Goods only: the same kind of goods in the same quantity.
            var shared = record.Items.Where(i => i.Quantity is not null && known.Items.Any(k => k.Category == Lexicon.ToSnake(i.Category.ToString())
                && k.Quantity == i.Quantity.Value.Value)).ToList();
            if (shared.Count == 0 || cash is not null || goods is not null || combined is not null) return null;
            reasons.Add($"{string.Join("、", shared.Select(i => $"{i.Name} {i.Quantity!.Value.Value}{i.Unit}"))} agree");
        }
        if (recipients.Count > 0 && known.Recipients.Count > 0 && !recipients.Any(known.Recipients.Contains)) return null;
        return "same giver, " + string.Join(", ", reasons) + (date is not null && known.GiftDate == date ? $", same date {date}" : "");
    }

    // Figures agree within 0.5%, as the extraction spec's scorer counts them equal.
    private static bool Close(long a, long b) => a == b || Math.Abs(a - b) * 200 <= Math.Max(Math.Abs(a), Math.Abs(b));
}
