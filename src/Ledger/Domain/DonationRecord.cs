namespace Ledger.Domain;

/// <summary>
/// One reported act of giving, as stated in one place of one document (see the extraction spec).
/// Figures in yuan are kept apart: cash, the declared value of goods, and one figure covering both.
/// </summary>
public sealed record DonationRecord
{
    /// <summary>File name of the source document.</summary>
    public required string Doc { get; init; }

    /// <summary>1-based line of the original file on which the evidence begins.</summary>
    public required int Line { get; init; }

    /// <summary>The sentence or clause stating the gift, simplified, line breaks joined.</summary>
    public required string Evidence { get; init; }

    public string? Donor { get; init; }
    public DonorKind DonorKind { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>
    /// The kind each receiver's name tells, in the order of <see cref="Recipients"/>: read with the
    /// names, so that the ledger resolves them without reading them again.
    /// </summary>
    public IReadOnlyList<DonorKind> RecipientKinds { get; init; } = [];

    public string? Via { get; init; }

    /// <summary>The kind the go-between's name tells.</summary>
    public DonorKind ViaKind { get; init; }
    public Figure? Cash { get; init; }
    public Figure? GoodsValue { get; init; }
    public Figure? Combined { get; init; }
    public Money? CashOther { get; init; }
    public IReadOnlyList<DonatedItem> Items { get; init; } = [];
    public DateOnly? Date { get; init; }

    /// <summary>A reported total over several gifts or givers.</summary>
    public bool Aggregate { get; init; }

    /// <summary>A gift with an identifiable donor but no figure and no item quantity.</summary>
    public bool Optional { get; init; }

    /// <summary>Each receiver with the kind its name tells (unknown where the kinds were not given).</summary>
    public IEnumerable<(string Name, DonorKind Kind)> RecipientsWithKinds =>
        Recipients.Select((name, i) => (name, i < RecipientKinds.Count ? RecipientKinds[i] : DonorKind.Unknown));

    /// <summary>A figure the text states that no gift can be (beyond <see cref="Limits.MostYuan"/>): left unread, kept for the audit.</summary>
    public string? UnreadFigure { get; init; }
}
