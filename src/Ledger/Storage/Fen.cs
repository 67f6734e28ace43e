using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>Money in the ledger: whole fen (0.01 yuan) in SQLite INTEGER columns, never floating point.</summary>
internal static class Fen
{
    /// <exception cref="ArgumentOutOfRangeException">The figure is no amount of one gift (below 0 or beyond <see cref="Limits.MostYuan"/>).</exception>
    public static long? Of(Figure? figure) => Figure.Fen(figure);

    public static decimal? Yuan(long? fen) => fen is { } f ? f / 100m : null;

    public static string? QualifierOf(Figure? figure) => figure is { } f ? Vocabulary.Snake(f.Qualifier) : null;

    /// <summary>A qualifier as stored (at_least); no qualifier is exact.</summary>
    public static Qualifier Qualifier(string? snake) => snake is null ? Domain.Qualifier.Exact : Vocabulary.Qualifiers[snake];

    /// <summary>A stored figure and its qualifier as an amount in yuan; null when there is no figure.</summary>
    public static Amount? Amount(long? fen, string? qualifier) => fen is { } f ? new Amount(f / 100m, Qualifier(qualifier)) : null;
}
