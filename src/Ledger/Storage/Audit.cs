using Dapper;

namespace Ledger.Storage;

/// <summary>A reported total beside the itemised gifts of the same giver that it can cover.</summary>
public sealed record TotalAgainstGifts(long TotalDonation, string Donor, decimal ReportedYuan, decimal ItemisedYuan, int Gifts, decimal Difference);

/// <summary>A donation reported more than once, with each report and why it was joined.</summary>
public sealed record RepeatedReport(long Donation, string Donor, IReadOnlyList<JoinedReport> Reports);

/// <summary>One report of a repeated donation: where, its figures, and why it was taken as the same gift.</summary>
public sealed record JoinedReport(long RecordId, string Document, int Line, string Sentence, string Why, Amount? Cash, Amount? GoodsValue, Amount? Combined);

/// <summary>A record that cannot be followed to a giver or to a receiver.</summary>
public sealed record IncompleteRecord(long RecordId, long? DonationId, string Document, int Line, string Sentence, bool NoDonor, bool NoRecipient);

/// <summary>A gift whose figure the extractor saw but could not turn into yuan or a quantity, and what is missing.</summary>
public sealed record UnreadFigure(long RecordId, long? DonationId, string Document, int Line, string Sentence, string What);

/// <summary>A name the rules took to be another organization's, and why.</summary>
public sealed record MergedName(string Name, long OrganizationId, string Organization, string Reason);

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
        // Both sides read each figure at its latest correction (Totals.Current), as every total does.
        return connection.Query<(long Id, string Donor, long Reported, long Itemised, int Gifts)>(Totals.Current(Totals.Counted) + """
                SELECT t.id, o.name, t.cash_fen,
                       coalesce((SELECT sum(g.cash_fen) FROM current g WHERE g.donor_id = t.donor_id AND g.aggregate = 0), 0),
                       (SELECT count(*) FROM current g WHERE g.donor_id = t.donor_id AND g.aggregate = 0 AND g.cash_fen IS NOT NULL)
                FROM current t JOIN organizations o ON o.id = t.donor_id
                WHERE t.aggregate = 1 AND t.cash_fen IS NOT NULL
                ORDER BY o.name, t.id
                """)
            .Where(r => r.Gifts > 0)
            .Select(r => new TotalAgainstGifts(r.Id, r.Donor, r.Reported / 100m, r.Itemised / 100m, r.Gifts, (r.Reported - r.Itemised) / 100m))
            .ToList();
    }

    public IReadOnlyList<RepeatedReport> RepeatedReports() => Repeated(disagreeingOnly: false);

    /// <summary>Repeated reports whose figures are not the same: each report's figures side by side.</summary>
    public IReadOnlyList<RepeatedReport> DisagreeingReports() => Repeated(disagreeingOnly: true);

    private List<RepeatedReport> Repeated(bool disagreeingOnly)
    {
        using var connection = database.Connect();
        var rows = connection.Query<(long Donation, string Donor, long RecordId, string Document, int Line, string Sentence, string Why,
                long? Cash, string? CashQ, long? Goods, string? GoodsQ, long? Combined, string? CombinedQ)>("""
            SELECT d.id, o.name, r.id, doc.name, r.line, r.evidence, coalesce(r.join_reason, ''),
                   r.cash_fen, r.cash_qualifier, r.goods_fen, r.goods_qualifier, r.combined_fen, r.combined_qualifier
            FROM donations d
            JOIN organizations o ON o.id = d.donor_id
            JOIN records r ON r.donation_id = d.id
            JOIN documents doc ON doc.id = r.document_id AND doc.replaced_by IS NULL AND r.retired_at IS NULL
            WHERE d.sources > 1
            ORDER BY d.id, r.id
            """);
        return rows.GroupBy(r => (r.Donation, r.Donor))
            .Select(g => new RepeatedReport(g.Key.Donation, g.Key.Donor, g.Select(r => new JoinedReport(r.RecordId, r.Document, r.Line, r.Sentence, r.Why,
                Fen.Amount(r.Cash, r.CashQ), Fen.Amount(r.Goods, r.GoodsQ), Fen.Amount(r.Combined, r.CombinedQ))).ToList()))
            .Where(r => !disagreeingOnly || Disagree(r.Reports))
            .ToList();
    }

    // Reports disagree when one figure has two different values, or one report gives a figure another lacks.
    private static bool Disagree(IReadOnlyList<JoinedReport> reports) =>
        reports.Select(r => r.Cash).Distinct().Count() > 1
        || reports.Select(r => r.GoodsValue).Distinct().Count() > 1
        || reports.Select(r => r.Combined).Distinct().Count() > 1;

    /// <summary>Records of current documents with no giver, or with neither a receiver nor a channel.</summary>
    public IReadOnlyList<IncompleteRecord> IncompleteRecords()
    {
        using var connection = database.Connect();
        return connection.Query<(long RecordId, long? DonationId, string Document, int Line, string Sentence, bool NoDonor, bool NoRecipient)>("""
                SELECT r.id, r.donation_id, doc.name, r.line, r.evidence, r.donor IS NULL,
                       r.via IS NULL AND NOT EXISTS (SELECT 1 FROM record_recipients rr WHERE rr.record_id = r.id)
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.retired_at IS NULL AND doc.replaced_by IS NULL
                  AND (r.donor IS NULL OR (r.via IS NULL AND NOT EXISTS (SELECT 1 FROM record_recipients rr WHERE rr.record_id = r.id)))
                ORDER BY doc.name, r.line, r.id
                """)
            .Select(r => new IncompleteRecord(r.RecordId, r.DonationId, r.Document, r.Line, r.Sentence, r.NoDonor, r.NoRecipient))
            .ToList();
    }

    /// <summary>
    /// Gifts with a figure the ledger could not count: no amount and no quantity (物资一批), goods
    /// named without a number, or money in another currency, which is never converted into yuan.
    /// </summary>
    public IReadOnlyList<UnreadFigure> UnreadFigures()
    {
        using var connection = database.Connect();
        return connection.Query<(long RecordId, long? DonationId, string Document, int Line, string Sentence, string What)>("""
                SELECT r.id, r.donation_id, doc.name, r.line, r.evidence,
                       coalesce('beyond any one gift: ' || r.unread_figure, 'no amount and no quantity')
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.optional = 1 AND r.retired_at IS NULL AND doc.replaced_by IS NULL
                UNION ALL
                SELECT r.id, r.donation_id, doc.name, r.line, r.evidence, 'no quantity for ' || i.name
                FROM record_items i JOIN records r ON r.id = i.record_id JOIN documents doc ON doc.id = r.document_id
                WHERE i.quantity IS NULL AND r.optional = 0 AND r.retired_at IS NULL AND doc.replaced_by IS NULL
                UNION ALL
                SELECT r.id, r.donation_id, doc.name, r.line, r.evidence, 'not in yuan: ' || r.other_amount || ' ' || r.other_currency
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.other_currency IS NOT NULL AND r.retired_at IS NULL AND doc.replaced_by IS NULL
                ORDER BY 3, 4, 1
                """)
            .Select(r => new UnreadFigure(r.RecordId, r.DonationId, r.Document, r.Line, r.Sentence, r.What))
            .ToList();
    }

    /// <summary>Names the rules (not a person) took to be another organization's, with the rule's reason.</summary>
    public IReadOnlyList<MergedName> MergedNames()
    {
        using var connection = database.Connect();
        return connection.Query<(string Name, long Id, string Organization, string Reason)>("""
                SELECT n.name, o.id, o.name, n.reason FROM names n JOIN organizations o ON o.id = n.organization_id
                WHERE n.name <> o.name AND n.reason NOT LIKE 'decided by %'
                ORDER BY o.name, n.name
                """)
            .Select(m => new MergedName(m.Name, m.Id, m.Organization, m.Reason))
            .ToList();
    }
}
