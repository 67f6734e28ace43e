using Dapper;
using Ledger.Domain;

namespace Ledger.Storage;

/// <summary>One correction of one field of a donation: who changed it to what, when and why.</summary>
/// <param name="Yuan">The figure it now reads, in yuan; null when the correction removed the figure.</param>
public sealed record Correction(long Id, long DonationId, string Field, decimal? Yuan, string Who, string Why, string CorrectedAt);

/// <summary>
/// Corrections are appended, never applied in place: totals read the latest value of each field
/// (<see cref="CorrectedFigures"/>), and the original figures and every correction stay readable.
/// </summary>
public sealed class Corrections(LedgerDatabase database)
{
    /// <summary>Fields a person may correct (<see cref="CorrectedFigures.Fields"/>), and the column each one reads.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        [CorrectedFigures.Cash] = "cash_fen",
        [CorrectedFigures.GoodsValue] = "goods_fen",
        [CorrectedFigures.Combined] = "combined_fen",
    };

    /// <summary>
    /// Appends a correction (<paramref name="yuan"/> null clears the figure), or says why not: no such
    /// donation, a field that cannot be corrected, a figure no gift can be, or no one saying who made it and why.
    /// </summary>
    public CorrectionOutcome Add(long donationId, string field, decimal? yuan, string who, string why)
    {
        if (CorrectedFigures.Refusal(field, yuan, who, why) is { } reason) return new CorrectionOutcome.Refused(reason);
        var column = Fields[field];
        var value = CorrectedFigures.Fen(yuan)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var connection = database.Connect();
        using var transaction = database.BeginWrite(connection);
        if (connection.ExecuteScalar<long?>("SELECT id FROM donations WHERE id = @donationId", new { donationId }, transaction) is null)
            return new CorrectionOutcome.NoSuchDonation();
        var correctedAt = LedgerDatabase.Now();
        var id = connection.ExecuteScalar<long>("""
            INSERT INTO corrections (donation_id, field, value, who, why, corrected_at)
            VALUES (@donationId, @column, @value, @who, @why, @correctedAt) RETURNING id
            """, new { donationId, column, value, who, why, correctedAt }, transaction);
        DonorTotals.Refresh(connection, transaction, [connection.ExecuteScalar<long>("SELECT donor_id FROM donations WHERE id = @donationId", new { donationId }, transaction)]);
        transaction.Commit();
        return new CorrectionOutcome.Corrected(new Correction(id, donationId, field, YuanOf(value), who, why, correctedAt));
    }

    /// <summary>Every correction of a donation, oldest first.</summary>
    public IReadOnlyList<Correction> Of(long donationId)
    {
        using var connection = database.Connect();
        return connection.Query<(long Id, long DonationId, string Field, string? Value, string Who, string Why, string CorrectedAt)>(
                "SELECT id, donation_id, field, value, who, why, corrected_at FROM corrections WHERE donation_id = @donationId ORDER BY id",
                new { donationId })
            .Select(c => new Correction(c.Id, c.DonationId, Fields.First(f => f.Value == c.Field).Key, YuanOf(c.Value), c.Who, c.Why, c.CorrectedAt))
            .ToList();
    }

    // Corrections are stored in fen, as every figure of the ledger is.
    private static decimal? YuanOf(string? fen) => Fen.Yuan(fen is null ? null : long.Parse(fen, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>What asking for a correction did: the correction made, no such donation, or why it was refused.</summary>
public abstract record CorrectionOutcome
{
    public sealed record Corrected(Correction Correction) : CorrectionOutcome;

    public sealed record NoSuchDonation : CorrectionOutcome;

    /// <param name="Reason">What the correction lacks: a field that can be corrected, or who made it and why.</param>
    public sealed record Refused(string Reason) : CorrectionOutcome;
}
