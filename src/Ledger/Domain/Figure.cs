namespace Ledger.Domain;

/// <summary>
/// A reported figure. <see cref="Value"/> is the number the exchange format writes
/// (十几万 → 100000 at least); <see cref="Low"/> and <see cref="High"/> keep the range the words
/// allow (十几万 → 110000..190000, 两三百 → 200..300) so sums can stay honest bounds.
/// </summary>
public readonly record struct Figure(decimal Value, Qualifier Qualifier, decimal Low, decimal High)
{
    /// <summary>
    /// The most one gift can be, in yuan: one trillion (一万亿). The largest single pledges on record
    /// are around 5×10^10 yuan, so a larger figure is a misreading or a hoax: it is never an amount
    /// (the extractor leaves it unread, the API refuses it), and no stored amount can make a sum overflow.
    /// </summary>
    public const decimal MostYuan = 1_000_000_000_000m;

    /// <summary>The most of one kind of goods one gift can count (ten billion masks).</summary>
    public const decimal MostQuantity = 10_000_000_000m;

    public static Figure Exact(decimal value) => new(value, Qualifier.Exact, value, value);

    public Figure WithQualifier(Qualifier qualifier) => this with { Qualifier = qualifier };

    public override string ToString() => Qualifier switch
    {
        Qualifier.AtLeast => $"≥{Value}",
        Qualifier.AtMost => $"≤{Value}",
        Qualifier.About => $"≈{Value}",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
