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
internal sealed class DonationJoiner(Statements statements, GiverChanges givers, Func<long, bool> createdHere)
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
            // The date goes with the first report that gives one: the donation keeps it.
            statements.Add(Tables.DonationReports, candidate.Id, candidate.GiftDate is null ? date : null);
            foreach (var recipient in recipients.Where(candidate.Recipients.Add)) AddRecipient(candidate.Id, recipient);
            candidate.GiftDate ??= date;
            givers.Report(donorId);
            candidate.Lines.Add((documentId, record.Line));
            return (candidate.Id, false, why);
        }
        var id = statements.NextId("donations");
        statements.Add(Tables.Donations, id, donorId, cash, Fen.QualifierOf(record.Cash), goods, Fen.QualifierOf(record.GoodsValue), combined, Fen.QualifierOf(record.Combined),
            record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), record.CashOther?.Currency,
            date, publishedYear, ingestedAt, Month(date) ?? Month(published), record.Aggregate, 1L);
        var placed = new Known { Id = id, CashFen = cash, GoodsFen = goods, CombinedFen = combined, GiftDate = date };
        placed.Lines.Add((documentId, record.Line));
        foreach (var recipient in recipients.Where(placed.Recipients.Add)) AddRecipient(id, recipient);
        foreach (var item in record.Items)
        {
            var category = Vocabulary.Snake(item.Category);
            statements.Add(Tables.DonationItems, id, category, item.Unit ?? "",
                item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Fen.QualifierOf(item.Quantity));
            placed.Items.Add((category, item.Quantity?.Value));
        }
        known.Add(placed);
        givers.Gift(donorId, new CountedGift(record.Aggregate, cash, Qualified(record.Cash), goods, Qualified(record.GoodsValue), combined, Qualified(record.Combined),
            record.Items.Select(i => (Vocabulary.Snake(i.Category), i.Unit ?? "", i.Quantity?.Value, Qualified(i.Quantity))).ToList()));
        return (id, true, "first report");
    }

    private void AddRecipient(long donation, long recipient) => statements.Add(Tables.DonationRecipients, donation, recipient);

    private static Qualifier Qualified(Figure? figure) => figure?.Qualifier ?? Qualifier.Exact;

    // The month of a date or a publication date (2020-02-03 → 2020-02), as SQL's substr(…, 1, 7) would cut it.
    private static string? Month(string? date) => date is null ? null : date.Length > 7 ? date[..7] : date;

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
