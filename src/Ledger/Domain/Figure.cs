namespace Ledger.Domain;

/// <summary>
/// A reported figure. <see cref="Value"/> is the number the exchange format writes
/// (十几万 → 100000 at least); <see cref="Low"/> and <see cref="High"/> keep the range the words
/// allow (十几万 → 110000..190000, 两三百 → 200..300) so sums can stay honest bounds.
/// </summary>
public readonly record struct Figure(decimal Value, Qualifier Qualifier, decimal Low, decimal High)
{
    public static Figure Exact(decimal value) => new(value, Qualifier.Exact, value, value);

    public Figure WithQualifier(Qualifier qualifier) => this with { Qualifier = qualifier };

    /// <summary>The figure as money is kept: whole fen (0.01 yuan), never floating point; null for no figure.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The figure is no amount of one gift (below 0 or beyond <see cref="Limits.MostYuan"/>).</exception>
    public static long? Fen(Figure? figure) => figure is { } f
        ? f.Value is >= 0 and <= Limits.MostYuan ? (long)Math.Round(f.Value * 100m, MidpointRounding.AwayFromZero)
            : throw new ArgumentOutOfRangeException(nameof(figure), f.Value, "no amount of one gift")
        : null;

    public override string ToString() => Qualifier switch
    {
        Qualifier.AtLeast => $"≥{Value}",
        Qualifier.AtMost => $"≤{Value}",
        Qualifier.About => $"≈{Value}",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
