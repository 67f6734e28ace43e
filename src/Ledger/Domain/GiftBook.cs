namespace Ledger.Domain;

/// <summary>A report of a gift as placing it needs: where it was read, its figures in fen, its date, goods and receivers.</summary>
public sealed record GiftReport(long Document, int Line, bool Aggregate, long? CashFen, long? GoodsFen, long? CombinedFen, string? Date,
    IReadOnlyList<DonatedItem> Items, IReadOnlyList<long> Recipients);

/// <summary>A donation the ledger holds: its id, and the lines of the documents being stored that report it.</summary>
public sealed class HeldDonation : HeldGift
{
    public long Id { get; init; }

    /// <summary>Lines that report it: another record of such a line is another gift, never a repeat.</summary>
    public HashSet<(long Document, int Line)> Lines { get; } = [];
}

/// <summary>Where a report went: another report of a donation held, or a new donation.</summary>
public abstract record Placement(HeldDonation Donation)
{
    /// <summary>
    /// One more report of <paramref name="Donation"/>: one more source, with the receivers it adds and,
    /// when the donation had no date, the date this report gives it.
    /// </summary>
    public sealed record Joined(HeldDonation Donation, string Why, string? FirstDate, IReadOnlyList<long> NewRecipients) : Placement(Donation);

    public sealed record New(HeldDonation Donation) : Placement(Donation);
}

/// <summary>
/// The donations of each giver, for new reports to be placed among: a repeated report of a gift held
/// (<see cref="SameGift"/>) joins it as one more source; anything else is a new donation. Reported
/// totals (累计, 共…) only join reported totals, and a gift never joins a total. The book is kept in
/// memory, filled with the givers' donations by the ledger it serves, and kept up to date as reports
/// are placed: a report of thousands of gifts by one giver costs a comparison in memory a pair.
/// </summary>
public sealed class GiftBook
{
    private readonly Dictionary<(long Giver, bool Aggregate), List<HeldDonation>> _held = new();

    /// <summary>Whether the book holds the giver's donations (perhaps none).</summary>
    public bool Holds(long giver) => _held.ContainsKey((giver, false));

    /// <summary>Starts a giver's donations: none yet, until <see cref="Hold"/> adds those the ledger has.</summary>
    public void Open(long giver)
    {
        _held[(giver, false)] = [];
        _held[(giver, true)] = [];
    }

    /// <summary>A donation of an opened giver, as the ledger holds it: held in the order of their ids, the oldest first, for "first" to mean the same in every ledger.</summary>
    public void Hold(long giver, bool aggregate, HeldDonation donation) => _held[(giver, aggregate)].Add(donation);

    /// <summary>
    /// Places a report of an opened giver: the first held donation it states again, else a new donation
    /// numbered by <paramref name="newId"/>.
    /// </summary>
    /// <example>哈尔滨银行捐款200万元 (2月3日), then 哈尔滨银行向市慈善总会捐款200万元: joined, cash agrees, and the donation gains a receiver.</example>
    public Placement Place(long giver, GiftReport report, Func<long> newId)
    {
        var held = _held[(giver, report.Aggregate)];
        foreach (var donation in held)
        {
            if (donation.Lines.Contains((report.Document, report.Line))
                || SameGift.Why(donation, report.CashFen, report.GoodsFen, report.CombinedFen, report.Date, report.Items, report.Recipients) is not { } why) continue;
            var firstDate = donation.GiftDate is null ? report.Date : null;
            donation.GiftDate ??= report.Date;
            donation.Lines.Add((report.Document, report.Line));
            return new Placement.Joined(donation, why, firstDate, report.Recipients.Where(donation.Recipients.Add).ToList());
        }
        var placed = new HeldDonation
        {
            Id = newId(), CashFen = report.CashFen, GoodsFen = report.GoodsFen, CombinedFen = report.CombinedFen, GiftDate = report.Date,
        };
        placed.Lines.Add((report.Document, report.Line));
        placed.Recipients.UnionWith(report.Recipients);
        placed.Items.AddRange(report.Items.Select(i => (Vocabulary.Snake(i.Category), i.Quantity?.Value)));
        held.Add(placed);
        return new Placement.New(placed);
    }
}
