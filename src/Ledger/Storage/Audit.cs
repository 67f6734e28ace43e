using Dapper;

namespace Ledger.Storage;

/// <summary>A reported total beside the itemised gifts of the same giver that it can cover.</summary>
public sealed record TotalAgainstGifts(long TotalDonation, string Donor, decimal ReportedYuan, decimal ItemisedYuan, int Gifts, decimal Difference);

/// <summary>A donation reported more than once, with each report and why it was joined.</summary>
public sealed record RepeatedReport(long Donation, string Donor, IReadOnlyList<(string Document, int Line, string Why)> Reports);

/// <summary>What an auditor checks first: totals against their gifts, and the reports that were joined.</summary>
public sealed class Audit(LedgerDatabase database)
{
    /// <summary>
    /// Each reported total of cash against the sum of the same giver's itemised cash gifts: the total
    /// covers them when they are at most the total (吴庆和: reported 2,000,000, itemised 2,000,000).
    /// </summary>
    public IReadOnlyList<TotalAgainstGifts> TotalsAgainstGifts()
    {
        using var connection = database.Connect();
        return connection.Query<(long Id, string Donor, long Reported, long Itemised, int Gifts)>("""
                SELECT t.id, o.name, t.cash_fen,
                       coalesce((SELECT sum(g.cash_fen) FROM donations g WHERE g.donor_id = t.donor_id AND g.aggregate = 0 AND g.sources > 0), 0),
                       (SELECT count(*) FROM donations g WHERE g.donor_id = t.donor_id AND g.aggregate = 0 AND g.sources > 0 AND g.cash_fen IS NOT NULL)
                FROM donations t JOIN organizations o ON o.id = t.donor_id
                WHERE t.aggregate = 1 AND t.sources > 0 AND t.cash_fen IS NOT NULL
                ORDER BY o.name, t.id
                """)
            .Where(r => r.Gifts > 0)
            .Select(r => new TotalAgainstGifts(r.Id, r.Donor, r.Reported / 100m, r.Itemised / 100m, r.Gifts, (r.Reported - r.Itemised) / 100m))
            .ToList();
    }

    public IReadOnlyList<RepeatedReport> RepeatedReports()
    {
        using var connection = database.Connect();
        var rows = connection.Query<(long Donation, string Donor, string Document, int Line, string Why)>("""
            SELECT d.id, o.name, doc.name, r.line, coalesce(r.join_reason, '')
            FROM donations d
            JOIN organizations o ON o.id = d.donor_id
            JOIN records r ON r.donation_id = d.id
            JOIN documents doc ON doc.id = r.document_id AND doc.replaced_by IS NULL AND r.retired_at IS NULL
            WHERE d.sources > 1
            ORDER BY d.id, r.id
            """);
        return rows.GroupBy(r => (r.Donation, r.Donor))
            .Select(g => new RepeatedReport(g.Key.Donation, g.Key.Donor, g.Select(r => (r.Document, r.Line, r.Why)).ToList()))
            .ToList();
    }
}
