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

    public override string ToString() => Qualifier switch
    {
        Qualifier.AtLeast => $"≥{Value}",
        Qualifier.AtMost => $"≤{Value}",
        Qualifier.About => $"≈{Value}",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
