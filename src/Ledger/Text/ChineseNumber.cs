using System.Globalization;
using Ledger.Domain;

namespace Ledger.Text;

/// <summary>A number expression found in a text.</summary>
public readonly record struct NumberMatch(int Start, int Length, Figure Value)
{
    public int End => Start + Length;
}

/// <summary>
/// Reads numbers written in Arabic digits, Chinese numerals or a mix of both: 60500, 3.5万,
/// 1257.28万, 三千, 一百二十, 1,200, 壹拾伍万, 一万零二百, spoken 一万三 (13000) and 3万4000,
/// stacked 万亿, and vague counts kept as ranges (两三百 ≈ 250, 十几万 ≥ 100000, 数千 ≥ 1000).
/// Values are decimal, never double. Never throws.
/// </summary>
public static class ChineseNumber
{
    private enum Kind : byte { None, Digit, Unit, Big, Capital, CapitalUnit, Vague }

    private static readonly (Kind Kind, decimal Value)[] Table = LoadTable();

    private static (Kind, decimal)[] LoadTable()
    {
        var table = new (Kind, decimal)[char.MaxValue + 1];
        foreach (var line in LanguageData.Lines("Text/Data/numerals.tsv"))
        {
            var cells = line.Split('\t');
            var kind = cells[1] switch
            {
                "digit" => Kind.Digit,
                "unit" => Kind.Unit,
                "big" => Kind.Big,
                "capital" => Kind.Capital,
                "capital_unit" => Kind.CapitalUnit,
                _ => Kind.Vague,
            };
            table[cells[0][0]] = (kind, decimal.Parse(cells[2], CultureInfo.InvariantCulture));
        }
        return table;
    }

    /// <summary>Reads <paramref name="text"/> as one number expression.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Figure value)
    {
        value = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 64) return false;
        Span<char> folded = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c == ' ') continue;
            folded[n++] = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c == '．' ? '.' : c == '，' ? ',' : c;
        }
        folded = folded[..n];
        return RunLength(folded, 0) == folded.Length && Evaluate(folded, out value);
    }

    /// <summary>Every number expression in <paramref name="text"/>, longest first, left to right.</summary>
    public static IReadOnlyList<NumberMatch> FindAll(string text)
    {
        // Most words searched hold no number: the list is made when the first one is found.
        List<NumberMatch>? found = null;
        if (string.IsNullOrEmpty(text)) return [];
        var i = 0;
        while (i < text.Length)
        {
            if (!StartsNumber(text, i))
            {
                i++;
                continue;
            }
            var length = RunLength(text.AsSpan(), i);
            // 第一 is an order, not a count; 一 standing alone is left to the words that follow it.
            var ordinal = i > 0 && text[i - 1] == '第';
            if (length > 0 && !ordinal && Evaluate(text.AsSpan(i, length), out var value))
                (found ??= []).Add(new NumberMatch(i, length, value));
            i += Math.Max(length, 1);
        }
        return found ?? (IReadOnlyList<NumberMatch>)[];
    }

    private static Kind KindOf(char c) => char.IsAsciiDigit(c) ? Kind.Digit : Table[c].Kind;

    /// <summary>Whether the character is a digit of a Chinese number (三, 叁, 〇), not a magnitude alone.</summary>
    public static bool IsNumeral(char c) => KindOf(c) is Kind.Digit or Kind.Capital;

    private static bool StartsNumber(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiDigit(c)) return i == 0 || !char.IsAsciiDigit(text[i - 1]) && text[i - 1] != '.';
        var kind = Table[c].Kind;
        if (kind is Kind.Digit or Kind.Capital) return i == 0 || KindOf(text[i - 1]) == Kind.None;
        // 十五 starts with 十; 几十 / 数千 start with their vague digit.
        if (c is '十' or '拾') return i == 0 || KindOf(text[i - 1]) == Kind.None;
        if (kind == Kind.Vague) return i + 1 < text.Length && Table[text[i + 1]].Kind is Kind.Unit or Kind.Big or Kind.CapitalUnit;
        return false;
    }

    /// <summary>How many characters from <paramref name="start"/> belong to one number expression.</summary>
    private static int RunLength(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        var capitals = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                // 张三1000元: Arabic digits go on from a magnitude (3万4000), never straight from a Chinese digit.
                if (i > start && Table[text[i - 1]].Kind is Kind.Digit or Kind.Capital && !char.IsAsciiDigit(text[i - 1])) break;
                i++;
                continue;
            }
            // 3.5 / 1,200 (a thousands separator has exactly three digits after it)
            if ((c == '.' || c == '点' && i > start && Table[text[i - 1]].Kind == Kind.Digit) && i > start && i + 1 < text.Length
                && (char.IsAsciiDigit(text[i + 1]) && c == '.' || c == '点' && Table[text[i + 1]].Kind == Kind.Digit))
            { i++; continue; }
            if (c == ',' && i > start && char.IsAsciiDigit(text[i - 1]) && ThousandsGroup(text, i + 1)) { i++; continue; }
            // 24.8 万元: a space between digits and their magnitude
            if (c == ' ' && i > start && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && Table[text[i + 1]].Kind == Kind.Big) { i++; continue; }
            var kind = Table[c].Kind;
            if (kind == Kind.None) break;
            // 数 / 几 go with a unit: 数千, 十几万; 数 alone is the word "number".
            if (kind == Kind.Vague && !(i + 1 < text.Length && Table[text[i + 1]].Kind is Kind.Unit or Kind.Big) && !(i > start && Table[text[i - 1]].Kind == Kind.Unit))
                break;
            if (kind is Kind.Capital or Kind.CapitalUnit) capitals++;
            i++;
        }
        var length = i - start;
        // 伍 in 队伍, 陆 in 陆续: a financial numeral stands only among other numerals.
        if (capitals > 0 && length < 2) return 0;
        // A run of magnitudes alone (千万, 万) is a word, not a number.
        var hasDigit = false;
        for (var k = start; k < i; k++)
        {
            var kind = KindOf(text[k]);
            if (kind is Kind.Digit or Kind.Capital or Kind.Vague || text[k] is '十' or '拾') { hasDigit = true; break; }
        }
        return hasDigit ? length : 0;
    }

    /// <summary>3,000 / 26,620: whether the comma at <paramref name="at"/> groups thousands between digits.</summary>
    public static bool IsThousandsSeparator(ReadOnlySpan<char> text, int at) =>
        at > 0 && at < text.Length && text[at] == ',' && char.IsAsciiDigit(text[at - 1]) && ThousandsGroup(text, at + 1);

    private static bool ThousandsGroup(ReadOnlySpan<char> text, int from) =>
        from + 3 <= text.Length && char.IsAsciiDigit(text[from]) && char.IsAsciiDigit(text[from + 1]) && char.IsAsciiDigit(text[from + 2])
        && (from + 3 == text.Length || !char.IsAsciiDigit(text[from + 3]));

    /// <summary>
    /// Evaluates a run: sections of digit × unit (十百千) close at 万 or 亿, which multiply what came
    /// before them (三万亿 = 3 × 10^12). Vague digits carry a low and a high value through.
    /// </summary>
    private static bool Evaluate(ReadOnlySpan<char> run, out Figure value)
    {
        value = default;
        decimal totalLow = 0, totalHigh = 0, sectionLow = 0, sectionHigh = 0, numLow = 0, numHigh = 0;
        var hasNumber = false;
        var vague = false;
        var vagueAfterUnit = false;
        var lastUnit = 0m;
        var zeroSeen = false;
        var afterUnit = false;
        var i = 0;
        try
        {
            while (i < run.Length)
            {
                var c = run[i];
                if (char.IsAsciiDigit(c))
                {
                    var j = i;
                    while (j < run.Length && (char.IsAsciiDigit(run[j]) || run[j] is '.' or ',' or ' ')) j++;
                    if (!TryParseDigits(run[i..j], out var arabic)) return false;
                    numLow = numHigh = arabic;
                    hasNumber = true;
                    afterUnit = false;
                    i = j;
                    continue;
                }
                var (kind, worth) = Table[c];
                switch (kind)
                {
                    case Kind.Digit or Kind.Capital:
                        if (worth == 0) { zeroSeen = true; afterUnit = false; break; }
                        // 两三百 / 三四十: two neighbouring digits give a range.
                        if (hasNumber && !afterUnit && numLow == numHigh && numLow > 0 && worth == numLow + 1 && i > 0 && Table[run[i - 1]].Kind is Kind.Digit)
                        {
                            numHigh = worth;
                            vague = true;
                        }
                        else
                        {
                            numLow = numHigh = worth;
                        }
                        hasNumber = true;
                        afterUnit = false;
                        break;
                    case Kind.Vague:
                        // 几十 → 2..9 tens; 十几 → 1..9 more.
                        if (i > 0 && Table[run[i - 1]].Kind is Kind.Unit or Kind.CapitalUnit) { numLow = 1; numHigh = 9; vagueAfterUnit = true; }
                        else { numLow = 2; numHigh = 9; }
                        vague = true;
                        hasNumber = true;
                        afterUnit = false;
                        break;
                    case Kind.Unit or Kind.CapitalUnit:
                        if (!hasNumber) { numLow = numHigh = 1; } // 十五 = 1 × 10 + 5
                        sectionLow += numLow * worth;
                        sectionHigh += numHigh * worth;
                        numLow = numHigh = 0;
                        hasNumber = false;
                        lastUnit = worth;
                        afterUnit = true;
                        zeroSeen = false;
                        break;
                    case Kind.Big:
                        sectionLow += numLow;
                        sectionHigh += numHigh;
                        if (sectionLow == 0 && sectionHigh == 0 && totalLow == 0) return false;
                        if (sectionLow == 0 && sectionHigh == 0)
                        {
                            // 万亿: a magnitude on a magnitude multiplies the total so far.
                            totalLow *= worth;
                            totalHigh *= worth;
                        }
                        else if (worth > 10000m)
                        {
                            totalLow = (totalLow + sectionLow) * worth;
                            totalHigh = (totalHigh + sectionHigh) * worth;
                        }
                        else
                        {
                            totalLow += sectionLow * worth;
                            totalHigh += sectionHigh * worth;
                        }
                        sectionLow = sectionHigh = numLow = numHigh = 0;
                        hasNumber = false;
                        lastUnit = worth;
                        afterUnit = true;
                        zeroSeen = false;
                        break;
                    default:
                        if (c == '点')
                        {
                            // 三点五万: Chinese decimals, one digit after the point.
                            if (i + 1 < run.Length && Table[run[i + 1]].Kind == Kind.Digit)
                            {
                                var tenth = Table[run[i + 1]].Value / 10m;
                                numLow += tenth;
                                numHigh += tenth;
                                i += 2;
                                continue;
                            }
                        }
                        return false;
                }
                i++;
            }
            // 一万三 = 13000 / 两千五 = 2500: a bare digit after a unit counts in the next lower unit.
            if (hasNumber && !zeroSeen && lastUnit >= 100 && !char.IsAsciiDigit(run[^1]) && Table[run[^1]].Kind is Kind.Digit or Kind.Capital
                && run.Length >= 2 && Table[run[^2]].Kind is Kind.Unit or Kind.Big or Kind.CapitalUnit)
            {
                numLow *= lastUnit / 10m;
                numHigh *= lastUnit / 10m;
            }
            var low = totalLow + sectionLow + numLow;
            var high = totalHigh + sectionHigh + numHigh;
            if (!vague)
            {
                value = Figure.Exact(low);
                return true;
            }
            // 两三百 → about 250; 十几万 / 数千 → at least 100000 / 1000 (the round figure the words rise from).
            if (vagueAfterUnit || IsLeadingVague(run)) value = new Figure(RoundDown(low), Qualifier.AtLeast, low, high);
            else value = new Figure((low + high) / 2, Qualifier.About, low, high);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // 1,200 / 24.8: the digits without their thousands separators and spaces, read as a decimal.
    private static bool TryParseDigits(ReadOnlySpan<char> digits, out decimal value)
    {
        Span<char> kept = digits.Length <= 64 ? stackalloc char[digits.Length] : new char[digits.Length];
        var n = 0;
        foreach (var c in digits)
            if (c is not (',' or ' ')) kept[n++] = c;
        return decimal.TryParse(kept[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsLeadingVague(ReadOnlySpan<char> run) => run.Length > 0 && Table[run[0]].Kind == Kind.Vague;

    // 数千 (2000..9000) rises from 1000, 十几万 (110000..190000) from 100000.
    private static decimal RoundDown(decimal low)
    {
        var power = 1m;
        while (power * 10 <= low) power *= 10;
        return power;
    }
}
