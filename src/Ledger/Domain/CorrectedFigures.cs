namespace Ledger.Domain;

/// <summary>A donation's three figures in fen (0.01 yuan): money, the value of goods, and money and goods together; null where it has none.</summary>
public readonly record struct GiftFigures(long? CashFen, long? GoodsFen, long? CombinedFen);

/// <summary>One correction of one figure (<see cref="CorrectedFigures.Fields"/>): the figure it now reads in fen, null when it removed the figure.</summary>
public sealed record FigureCorrection(string Field, long? Fen);

/// <summary>
/// Corrections are appended, never applied in place: a donation's figures are read at their latest
/// correction, and the original figures and every correction stay. The stored ledger reads them so in
/// SQL (<c>Totals.Current</c>); the tests hold it to <see cref="Of"/>.
/// </summary>
public static class CorrectedFigures
{
    public const string Cash = "cash", GoodsValue = "goods_value", Combined = "combined";

    /// <summary>The figures a person may correct.</summary>
    public static readonly IReadOnlyList<string> Fields = [Cash, GoodsValue, Combined];

    /// <summary>
    /// Why a correction cannot be taken (a field that cannot be corrected, a figure no gift can be, no one
    /// saying who made it and why); null when it can.
    /// </summary>
    /// <example>"donor": "'donor' is not a field that can be corrected (cash, goods_value, combined)".</example>
    public static string? Refusal(string field, decimal? yuan, string who, string why) =>
        !Fields.Contains(field) ? $"'{field}' is not a field that can be corrected ({string.Join(", ", Fields)})"
        : yuan is < 0 or > Limits.MostYuan ? $"{yuan} yuan is no amount of one gift (0 to {Limits.MostYuan:0})"
        : string.IsNullOrWhiteSpace(who) || string.IsNullOrWhiteSpace(why) ? "a correction says who made it and why"
        : null;

    /// <summary>A corrected figure in whole fen, as every figure of the ledger is kept (<see cref="Figure.Fen"/>); null removes the figure.</summary>
    /// <example>1234.565 yuan → 123457 fen.</example>
    public static long? Fen(decimal? yuan) => yuan is { } y ? Figure.Fen(Figure.Exact(y)) : null;

    /// <summary>
    /// The figures a donation reads now: each field at its latest correction, a correction to null
    /// removing the figure; a field never corrected keeps its original figure.
    /// </summary>
    /// <example>
    /// Cash 10万, goods 5万; corrected: cash 1.2万, then cash 12万, then goods removed → cash 12万, no goods value.
    /// </example>
    /// <param name="corrections">The donation's corrections, oldest first.</param>
    public static GiftFigures Of(GiftFigures original, IEnumerable<FigureCorrection> corrections)
    {
        var figures = original;
        foreach (var correction in corrections)
        {
            figures = correction.Field switch
            {
                Cash => figures with { CashFen = correction.Fen },
                GoodsValue => figures with { GoodsFen = correction.Fen },
                Combined => figures with { CombinedFen = correction.Fen },
                _ => throw new ArgumentException($"'{correction.Field}' is not a field that can be corrected", nameof(corrections)),
            };
        }
        return figures;
    }
}
