using System.Globalization;
using System.Text;

namespace Ledger.Domain;

/// <summary>
/// What a figure, a date or a name may be, for the library, the command line and the API alike:
/// the extractor leaves a figure beyond them unread, the API refuses it.
/// </summary>
public static class Limits
{
    /// <summary>
    /// The most one gift can be, in yuan: one trillion (一万亿). The largest single pledges on record
    /// are around 5×10^10 yuan, so a larger figure is a misreading or a hoax: it is never an amount,
    /// and no stored amount can make a sum overflow.
    /// </summary>
    public const decimal MostYuan = 1_000_000_000_000m;

    /// <summary>The most of one kind of goods one gift can count (ten billion masks).</summary>
    public const decimal MostQuantity = 10_000_000_000m;

    public const int MaximumName = 200;
    public const int MaximumStatement = 4000;

    /// <summary>The ledger's gifts are the People's Republic's: none is dated before its founding.</summary>
    public static readonly DateOnly EarliestDate = new(1949, 10, 1);

    public static DateOnly LatestDate => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    /// <summary>Money is kept in whole fen (0.01 yuan).</summary>
    public static bool IsWholeFen(decimal yuan) => decimal.Round(yuan, 2) == yuan;

    /// <summary>
    /// A name shows what it is: no control characters, and no invisible or direction-changing ones
    /// (U+200B, U+202E, U+2066, U+FEFF…) that make two names look alike or one read backwards, nor
    /// noncharacters (U+FFFE, U+FFFF). Such names are refused rather than silently cleaned.
    /// </summary>
    public static bool IsPlainName(string? name) => name is null || FirstHidden(name) is null;

    /// <summary>The first character a name may not hold, as U+XXXX; null when there is none.</summary>
    public static string? FirstHidden(string? name)
    {
        foreach (var rune in (name ?? "").EnumerateRunes())
        {
            // A lone surrogate comes out as U+FFFD, which no name of a giver holds either.
            var noncharacter = (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF || rune == Rune.ReplacementChar;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format || noncharacter) return $"U+{rune.Value:X4}";
        }
        return null;
    }

    public const string HiddenMessage = "The name holds a control, invisible or direction-changing character";

    /// <summary>
    /// Where a text holds U+0000 (NUL), or null. No report, name or search is written with it (a text
    /// holding one is a binary file read as text), and PostgreSQL's text cannot store it: it is
    /// refused alike on every store, never silently dropped.
    /// </summary>
    public static int? NulAt(string? text) => text?.IndexOf('\0') is >= 0 and var at ? at : null;

    public static string NulMessage(int at) =>
        $"The text holds the character U+0000 (NUL) at character {at}: reports are text, and this looks like a binary file.";
}
