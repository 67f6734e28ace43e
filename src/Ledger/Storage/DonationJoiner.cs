using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// Places a record in the ledger: a repeated report of a gift already recorded (<see cref="SameGift"/>)
/// joins that donation as one more source; anything else is a new donation. Reported totals only join reported totals.
/// A donation's month is its gift's, else its document's publication month.
/// </summary>
/// <remarks>
/// A joiner serves one write transaction. Each giver's donations are read once, with their goods and
/// receivers, and kept up to date as records are placed, so a report of thousands of gifts by one
/// giver, or thousands of reports, cost a comparison in memory per pair, not a query.
/// </remarks>
internal sealed class DonationJoiner(Statements statements, Func<long, bool> createdHere)
{
    private sealed class Known : HeldGift
    {
        public long Id { get; init; }

        /// <summary>Lines of the documents being stored that report it: another record of such a line is another gift, never a repeat.</summary>
        public HashSet<(long Document, int Line)> Lines { get; } = [];
    }

    private readonly Dictionary<(long Donor, bool Aggregate), List<Known>> _givers = new();

    public (long Id, bool IsNew, string Why) Place(long documentId, long donorId, DonationRecord record,
        IReadOnlyList<long> recipients, int? publishedYear, string? published, string ingestedAt)
    {
        var cash = Fen.Of(record.Cash);
        var goods = Fen.Of(record.GoodsValue);
        var combined = Fen.Of(record.Combined);
        var date = record.Date?.ToString("yyyy-MM-dd");
        var known = KnownOf(donorId, record.Aggregate);
        foreach (var candidate in known)
        {
            if (candidate.Lines.Contains((documentId, record.Line)) || SameGift.Why(candidate, cash, goods, combined, date, record.Items, recipients) is not { } why) continue;
            statements.Execute("UPDATE donations SET sources = sources + 1, gift_date = coalesce(gift_date, @date), month = coalesce(month, substr(@date, 1, 7)) WHERE id = @id",
                ("@id", candidate.Id), ("@date", date));
            foreach (var recipient in recipients.Where(candidate.Recipients.Add)) AddRecipient(candidate.Id, recipient);
            candidate.GiftDate ??= date;
            candidate.Lines.Add((documentId, record.Line));
            return (candidate.Id, false, why);
        }
        var id = statements.NextId("donations");
        statements.Execute("""
            INSERT INTO donations (id, donor_id, cash_fen, cash_qualifier, goods_fen, goods_qualifier, combined_fen, combined_qualifier,
                                   other_amount, other_currency, gift_date, published_year, first_ingested_at, month, aggregate, sources)
            VALUES (@id, @donor, @cash, @cashQualifier, @goods, @goodsQualifier, @combined, @combinedQualifier,
                    @otherAmount, @otherCurrency, @date, @publishedYear, @ingestedAt, coalesce(substr(@date, 1, 7), substr(@published, 1, 7)), @aggregate, 1)
            """,
            ("@id", id), ("@donor", donorId), ("@cash", cash), ("@cashQualifier", Fen.QualifierOf(record.Cash)), ("@goods", goods),
            ("@goodsQualifier", Fen.QualifierOf(record.GoodsValue)), ("@combined", combined), ("@combinedQualifier", Fen.QualifierOf(record.Combined)),
            ("@otherAmount", record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("@otherCurrency", record.CashOther?.Currency),
            ("@date", date), ("@publishedYear", publishedYear), ("@ingestedAt", ingestedAt), ("@published", published), ("@aggregate", record.Aggregate));
        var placed = new Known { Id = id, CashFen = cash, GoodsFen = goods, CombinedFen = combined, GiftDate = date };
        placed.Lines.Add((documentId, record.Line));
        foreach (var recipient in recipients.Where(placed.Recipients.Add)) AddRecipient(id, recipient);
        foreach (var item in record.Items)
        {
            var category = Vocabulary.Snake(item.Category);
            statements.Execute("INSERT INTO donation_items (donation_id, category, unit, quantity, qualifier) VALUES (@id, @category, @unit, @quantity, @qualifier)",
                ("@id", id), ("@category", category), ("@unit", item.Unit ?? ""),
                ("@quantity", item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("@qualifier", Fen.QualifierOf(item.Quantity)));
            placed.Items.Add((category, item.Quantity?.Value));
        }
        known.Add(placed);
        return (id, true, "first report");
    }

    private void AddRecipient(long donation, long recipient) =>
        statements.Execute("INSERT INTO donation_recipients (donation_id, organization_id) VALUES (@donation, @recipient) ON CONFLICT DO NOTHING",
            ("@donation", donation), ("@recipient", recipient));

    // The giver's donations that still count, with their goods and receivers: read the first time a document names the giver, unless preloaded.
    private List<Known> KnownOf(long donorId, bool aggregate)
    {
        if (!_givers.ContainsKey((donorId, aggregate))) Preload([donorId]);
        return _givers[(donorId, aggregate)];
    }

    /// <summary>
    /// Reads the donations that still count of many givers at once (three queries for up to 500
    /// givers), with their goods and receivers, for the records of a batch to be placed among.
    /// </summary>
    public void Preload(IEnumerable<long> donors)
    {
        foreach (var chunk in donors.Distinct().Where(d => !_givers.ContainsKey((d, false))).Chunk(500))
        {
            foreach (var donor in chunk)
            {
                // Gifts and reported totals apart: a gift never joins a total.
                _givers[(donor, false)] = [];
                _givers[(donor, true)] = [];
            }
            // A giver first named by this transaction's documents has no earlier donation to read.
            var stored = chunk.Where(d => !createdHere(d)).ToList();
            if (stored.Count == 0) continue;
            var byId = new Dictionary<long, Known>();
            using (var rows = statements.Rows($"""
                       SELECT d.id, d.donor_id, d.aggregate, d.cash_fen, d.goods_fen, d.combined_fen, d.gift_date
                       FROM donations d WHERE d.donor_id IN {Ids.In(stored)} AND d.sources > 0
                       """))
            {
                while (rows.Read())
                {
                    var donation = new Known
                    {
                        Id = rows.GetInt64(0), CashFen = rows.IsDBNull(3) ? null : rows.GetInt64(3), GoodsFen = rows.IsDBNull(4) ? null : rows.GetInt64(4),
                        CombinedFen = rows.IsDBNull(5) ? null : rows.GetInt64(5), GiftDate = rows.IsDBNull(6) ? null : rows.GetString(6),
                    };
                    _givers[(rows.GetInt64(1), rows.GetInt64(2) != 0)].Add(donation);
                    byId[donation.Id] = donation;
                }
            }
            if (byId.Count == 0) continue;
            using (var rows = statements.Rows($"""
                       SELECT i.donation_id, i.category, i.quantity FROM donation_items i JOIN donations d ON d.id = i.donation_id
                       WHERE d.donor_id IN {Ids.In(stored)} AND d.sources > 0
                       """))
            {
                while (rows.Read())
                    byId[rows.GetInt64(0)].Items.Add((rows.GetString(1), rows.IsDBNull(2) ? null : decimal.Parse(rows.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
            }
            using (var rows = statements.Rows($"""
                       SELECT r.donation_id, r.organization_id FROM donation_recipients r JOIN donations d ON d.id = r.donation_id
                       WHERE d.donor_id IN {Ids.In(stored)} AND d.sources > 0
                       """))
            {
                while (rows.Read()) byId[rows.GetInt64(0)].Recipients.Add(rows.GetInt64(1));
            }
        }
    }
}
