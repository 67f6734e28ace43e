using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>Money as the ledger stores it: whole fen (<see cref="Figure.Fen"/>) and the qualifier's snake_case name.</summary>
internal static class Fen
{
    public static decimal? Yuan(long? fen) => fen is { } f ? f / 100m : null;

    public static string? QualifierOf(Figure? figure) => figure is { } f ? Vocabulary.Snake(f.Qualifier) : null;

    /// <summary>A qualifier as stored (at_least); no qualifier is exact.</summary>
    public static Qualifier Qualifier(string? snake) => snake is null ? Domain.Qualifier.Exact : Vocabulary.Qualifiers[snake];

    /// <summary>A stored figure and its qualifier as an amount in yuan; null when there is no figure.</summary>
    public static Amount? Amount(long? fen, string? qualifier) => fen is { } f ? new Amount(f / 100m, Qualifier(qualifier)) : null;
}
