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
internal sealed class DonationJoiner(SqliteConnection connection, SqliteTransaction transaction)
{
    private sealed class Known
    {
        public long Id { get; init; }
        public long? CashFen { get; init; }
        public long? GoodsFen { get; init; }
        public long? CombinedFen { get; init; }
        public string? GiftDate { get; init; }
    }

    public (long Id, bool IsNew, string Why) Place(long recordId, long documentId, long donorId, DonationRecord record,
        IReadOnlyList<long> recipients, int? publishedYear, string? published, string ingestedAt)
    {
        var cash = Fen.Of(record.Cash);
        var goods = Fen.Of(record.GoodsValue);
        var combined = Fen.Of(record.Combined);
        var date = record.Date?.ToString("yyyy-MM-dd");
        // A record already in this sentence is another gift of the sentence, never a repeat of it.
        var candidates = connection.Query<Known>("""
            SELECT d.id AS Id, d.cash_fen AS CashFen, d.goods_fen AS GoodsFen, d.combined_fen AS CombinedFen,
                   d.gift_date AS GiftDate
            FROM donations d
            WHERE d.donor_id = @donorId AND d.sources > 0 AND d.aggregate = @Aggregate
              AND NOT EXISTS (SELECT 1 FROM records r WHERE r.donation_id = d.id AND r.document_id = @documentId AND r.line = @Line AND r.retired_at IS NULL)
            """, new { donorId, record.Aggregate, documentId, record.Line }, transaction);
        foreach (var known in candidates)
        {
            if (Agreement(known, cash, goods, combined, date, record, recipients) is { } why)
            {
                connection.Execute("UPDATE donations SET sources = sources + 1, gift_date = coalesce(gift_date, @date), month = coalesce(month, substr(@date, 1, 7)) WHERE id = @Id",
                    new { known.Id, date }, transaction);
                foreach (var recipient in recipients)
                    connection.Execute("INSERT OR IGNORE INTO donation_recipients (donation_id, organization_id) VALUES (@Id, @recipient)", new { known.Id, recipient }, transaction);
                return (known.Id, false, why);
            }
        }
        var id = connection.ExecuteScalar<long>("""
            INSERT INTO donations (donor_id, cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier,
                                   other_amount, other_currency, gift_date, published_year, first_ingested_at, month, aggregate, sources)
            VALUES (@donorId, @cash, @cashQualifier, @goods, @goodsQualifier, @combined, @combinedQualifier,
                    @otherAmount, @otherCurrency, @date, @publishedYear, @ingestedAt, coalesce(substr(@date, 1, 7), substr(@published, 1, 7)), @Aggregate, 1)
            RETURNING id
            """, new
        {
            donorId, cash, cashQualifier = Fen.QualifierOf(record.Cash), goods, goodsQualifier = Fen.QualifierOf(record.GoodsValue),
            combined, combinedQualifier = Fen.QualifierOf(record.Combined),
            otherAmount = record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), otherCurrency = record.CashOther?.Currency,
            date, publishedYear, published, ingestedAt, record.Aggregate,
        }, transaction);
        foreach (var recipient in recipients)
            connection.Execute("INSERT OR IGNORE INTO donation_recipients (donation_id, organization_id) VALUES (@id, @recipient)", new { id, recipient }, transaction);
        foreach (var item in record.Items)
            connection.Execute("INSERT INTO donation_items (donation_id, category, unit, quantity, qualifier) VALUES (@id, @category, @unit, @quantity, @qualifier)", new
            {
                id, category = Lexicon.ToSnake(item.Category.ToString()), unit = item.Unit ?? "",
                quantity = item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), qualifier = Fen.QualifierOf(item.Quantity),
            }, transaction);
        return (id, true, "first report");
    }

    /// <summary>Why the record reports the known donation again, or null when it does not.</summary>
    private string? Agreement(Known known, long? cash, long? goods, long? combined, string? date, DonationRecord record, IReadOnlyList<long> recipients)
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
            var items = connection.Query<(string Category, string? Quantity)>(
                "SELECT category, quantity FROM donation_items WHERE donation_id = @Id", new { known.Id }, transaction).ToList();
            var shared = record.Items.Where(i => i.Quantity is not null && items.Any(k => k.Category == Lexicon.ToSnake(i.Category.ToString())
                && k.Quantity is not null && decimal.Parse(k.Quantity, System.Globalization.CultureInfo.InvariantCulture) == i.Quantity.Value.Value)).ToList();
            if (shared.Count == 0 || cash is not null || goods is not null || combined is not null) return null;
            reasons.Add($"{string.Join("、", shared.Select(i => $"{i.Name} {i.Quantity!.Value.Value}{i.Unit}"))} agree");
        }
        var knownRecipients = connection.Query<long>("SELECT organization_id FROM donation_recipients WHERE donation_id = @Id", new { known.Id }, transaction).ToList();
        if (recipients.Count > 0 && knownRecipients.Count > 0 && !recipients.Intersect(knownRecipients).Any()) return null;
        return "same giver, " + string.Join(", ", reasons) + (date is not null && known.GiftDate == date ? $", same date {date}" : "");
    }

    // Figures agree within 0.5%, as the extraction spec's scorer counts them equal.
    private static bool Close(long a, long b) => a == b || Math.Abs(a - b) * 200 <= Math.Max(Math.Abs(a), Math.Abs(b));
}
