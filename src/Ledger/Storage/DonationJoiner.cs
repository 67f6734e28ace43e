using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>
/// Places a record in the ledger through the giver's donations (<see cref="GiftBook"/>): a repeated
/// report joins its donation as one more source, anything else is a new donation; and writes what
/// that decided. A donation's month is its gift's, else its document's publication month.
/// </summary>
/// <remarks>
/// A joiner serves one write transaction. Each giver's donations are read once, with their goods and
/// receivers, into the book, which is kept up to date as records are placed.
/// </remarks>
internal sealed class DonationJoiner(Statements statements, GiverChanges givers, Func<long, bool> createdHere)
{
    private readonly GiftBook _book = new();

    public (long Id, bool IsNew, string Why) Place(long documentId, long donorId, DonationRecord record,
        IReadOnlyList<long> recipients, int? publishedYear, string? published, string ingestedAt)
    {
        var cash = Figure.Fen(record.Cash);
        var goods = Figure.Fen(record.GoodsValue);
        var combined = Figure.Fen(record.Combined);
        var date = record.Date?.ToString("yyyy-MM-dd");
        // The giver's donations that still count: read the first time a document names the giver, unless preloaded.
        if (!_book.Holds(donorId)) Preload([donorId]);
        var placement = _book.Place(donorId, new GiftReport(documentId, record.Line, record.Aggregate, cash, goods, combined, date, record.Items, recipients),
            () => statements.NextId("donations"));
        if (placement is Placement.Joined joined)
        {
            statements.Add(Tables.DonationReports, joined.Donation.Id, joined.FirstDate);
            foreach (var recipient in joined.NewRecipients) AddRecipient(joined.Donation.Id, recipient);
            givers.Report(donorId);
            return (joined.Donation.Id, false, joined.Why);
        }
        var id = placement.Donation.Id;
        statements.Add(Tables.Donations, id, donorId, cash, Fen.QualifierOf(record.Cash), goods, Fen.QualifierOf(record.GoodsValue), combined, Fen.QualifierOf(record.Combined),
            record.CashOther?.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), record.CashOther?.Currency,
            date, publishedYear, ingestedAt, Month(date) ?? Month(published), record.Aggregate, 1L);
        foreach (var recipient in recipients.Distinct()) AddRecipient(id, recipient);
        foreach (var item in record.Items)
            statements.Add(Tables.DonationItems, id, Vocabulary.Snake(item.Category), item.Unit ?? "",
                item.Quantity?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Fen.QualifierOf(item.Quantity));
        givers.Gift(donorId, CountedGift.Of(record));
        return (id, true, "first report");
    }

    private void AddRecipient(long donation, long recipient) => statements.Add(Tables.DonationRecipients, donation, recipient);

    // The month of a date or a publication date (2020-02-03 → 2020-02), as SQL's substr(…, 1, 7) would cut it.
    private static string? Month(string? date) => date is null ? null : date.Length > 7 ? date[..7] : date;

    /// <summary>
    /// Reads the donations that still count of many givers at once (a query for up to 500 givers, two
    /// more for each thousand of their donations), with their goods and receivers, for the records of a
    /// batch to be placed among.
    /// </summary>
    public void Preload(IEnumerable<long> donors)
    {
        foreach (var chunk in donors.Distinct().Where(d => !_book.Holds(d)).Chunk(500))
        {
            foreach (var donor in chunk) _book.Open(donor);
            // A giver first named by this transaction's documents has no earlier donation to read.
            var stored = chunk.Where(d => !createdHere(d)).ToList();
            if (stored.Count == 0) continue;
            var byId = new Dictionary<long, HeldDonation>();
            using (var rows = statements.Rows($"""
                       SELECT d.id, d.donor_id, d.aggregate, d.cash_fen, d.goods_fen, d.combined_fen, d.gift_date
                       FROM donations d WHERE d.donor_id IN {Ids.In(stored)} AND d.sources > 0
                       ORDER BY d.id
                       """))
            {
                while (rows.Read())
                {
                    var donation = new HeldDonation
                    {
                        Id = rows.GetInt64(0), CashFen = rows.IsDBNull(3) ? null : rows.GetInt64(3), GoodsFen = rows.IsDBNull(4) ? null : rows.GetInt64(4),
                        CombinedFen = rows.IsDBNull(5) ? null : rows.GetInt64(5), GiftDate = rows.IsDBNull(6) ? null : rows.GetString(6),
                    };
                    _book.Hold(rows.GetInt64(1), rows.GetInt64(2) != 0, donation);
                    byId[donation.Id] = donation;
                }
            }
            if (byId.Count == 0) continue;
            // By the donations' own ids, through each table's index: a join on the giver would have PostgreSQL scan every row.
            foreach (var ids in byId.Keys.Chunk(1000))
            {
                using (var rows = statements.Rows($"SELECT donation_id, category, quantity FROM donation_items WHERE donation_id IN {Ids.In(ids)}"))
                {
                    while (rows.Read())
                        byId[rows.GetInt64(0)].Items.Add((rows.GetString(1), rows.IsDBNull(2) ? null : decimal.Parse(rows.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
                }
                using (var rows = statements.Rows($"SELECT donation_id, organization_id FROM donation_recipients WHERE donation_id IN {Ids.In(ids)}"))
                {
                    while (rows.Read()) byId[rows.GetInt64(0)].Recipients.Add(rows.GetInt64(1));
                }
            }
        }
    }
}
