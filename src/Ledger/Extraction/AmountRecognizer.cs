using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

public enum AmountKind { Money, Quantity }

/// <summary>
/// A figure with its unit, as written: money (25.55万元 → 255500 CNY) or a count of goods
/// (3.5万只 → 35000 只). The span covers the qualifying words too (近3万元, 3000余万元, 119万元以上).
/// </summary>
public sealed record Amount(AmountKind Kind, int Start, int Length, Figure Figure, string? Unit, string Currency)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds money and quantities in a sentence: a number (see <see cref="ChineseNumber"/>), an optional
/// 余/多 and magnitude, a unit from Data/units.tsv, and the qualifying words of Data/qualifiers.tsv
/// around it. Dates, counts of people and times have no unit there and are not amounts. Never throws.
/// </summary>
public static class AmountRecognizer
{
    private static readonly WordTable<(AmountKind Kind, string Currency)> Units = new(
        LanguageData.Lines("Extraction/Data/units.tsv").Select(l => l.Split('\t')).Select(r =>
            (r[0], r[1] == "money" ? (AmountKind.Money, r[2]) : (AmountKind.Quantity, "")))) ;

    private static readonly ILookup<string, (string Word, Qualifier Qualifier)> Qualifiers =
        LanguageData.Lines("Extraction/Data/qualifiers.tsv").Select(l => l.Split('\t'))
            .ToLookup(r => r[1], r => (r[0], Vocabulary.Parse<Qualifier>(r[2])));

    private static readonly WordTable<Qualifier> Before = new(Qualifiers["before"]);
    private static readonly WordTable<Qualifier> Inner = new(Qualifiers["inner"]);
    private static readonly WordTable<Qualifier> After = new(Qualifiers["after"]);
    private static readonly int LongestBefore = Qualifiers["before"].Max(q => q.Word.Length);

    // A magnitude written after 余 or a space: 3000余万元, 24.8 万元.
    private static readonly Dictionary<char, decimal> Magnitudes = new() { ['十'] = 10, ['百'] = 100, ['千'] = 1000, ['万'] = 10000, ['亿'] = 100000000 };

    public static IReadOnlyList<Amount> FindAll(string sentence)
    {
        var amounts = new List<Amount>();
        if (string.IsNullOrEmpty(sentence)) return amounts;
        var numbers = ChineseNumber.FindAll(sentence);
        for (var n = 0; n < numbers.Count; n++)
        {
            if (Read(sentence, numbers[n]) is { } amount) amounts.Add(amount);
        }
        if (sentence.AsSpan().IndexOfAny("百千万") < 0) return amounts;
        foreach (var count in MagnitudesAlone(sentence, numbers))
        {
            if (Read(sentence, count) is { } amount) amounts.Add(amount);
        }
        if (amounts.Count > 1) amounts.Sort((a, b) => a.Start.CompareTo(b.Start));
        return amounts;
    }

    /// <summary>
    /// 棉鞋百双 / 超过万件 / 百万瓶: a magnitude with no digit before it counts one of itself when a
    /// unit of goods follows (a magnitude alone is otherwise a word: 千万不要).
    /// </summary>
    private static List<NumberMatch> MagnitudesAlone(string text, IReadOnlyList<NumberMatch> numbers)
    {
        var found = new List<NumberMatch>(0);
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Magnitudes.ContainsKey(text[i]) || text[i] == '十') continue;
            while (n < numbers.Count && numbers[n].End < i) n++;
            // Inside a number, or right after one (3万 / 三百): a magnitude of that number.
            if (n < numbers.Count && numbers[n].Start <= i) continue;
            // 1745余万元 / 十几万: the magnitude of a number written before it.
            if (i > 0 && (char.IsAsciiDigit(text[i - 1]) || Magnitudes.ContainsKey(text[i - 1]) || ChineseNumber.IsNumeral(text[i - 1])
                          || text[i - 1] is '余' or '多' or '几' or '数' or '.')) continue;
            var end = i;
            var value = 1m;
            while (end < text.Length && Magnitudes.TryGetValue(text[end], out var m) && text[end] != '十')
            {
                value *= m;
                end++;
            }
            // 捐百万物资: a sum of money right after a giving word (see YuanLeftUnsaid).
            if (Units.TryMatchAt(text, end, out var unit) && unit.Value.Kind == AmountKind.Quantity || text[end - 1] is '万' or '亿')
                found.Add(new NumberMatch(i, end - i, Figure.Exact(value)));
            i = end - 1;
        }
        return found;
    }

    private static Amount? Read(string text, NumberMatch number)
    {
        if (SignedOrScientific(text, number)) return null;
        var figure = number.Value;
        var pos = SkipSpaces(text, number.End);
        Qualifier? stated = null;

        // 3000余万元 / 1200余件: 余 or 多 between the number and what it counts.
        if (Inner.TryMatchAt(text, pos, out var inner) && FollowedByMagnitudeOrUnit(text, inner.End))
        {
            stated = inner.Value;
            pos = inner.End;
        }
        if (pos < text.Length && Magnitudes.TryGetValue(text[pos], out var magnitude) && Units.TryMatchAt(text, pos + 1, out _) is var unitNext
            && (unitNext || Inner.TryMatchAt(text, pos + 1, out _)))
        {
            figure = Scale(figure, magnitude);
            pos++;
        }
        // 49.2万余元
        if (Inner.TryMatchAt(text, pos, out var late) && Units.TryMatchAt(text, late.End, out _))
        {
            stated = late.Value;
            pos = late.End;
        }
        if (!Units.TryMatchAt(text, pos, out var unit))
        {
            // 1800余万: the magnitude after 余 was kept for a unit that does not come.
            if (pos < text.Length && text[pos] is '万' or '亿' && YuanLeftUnsaid(text, number, pos + 1))
                return Yuan(text, number, Scale(figure, Magnitudes[text[pos]]), stated, pos + 1);
            return YuanLeftUnsaid(text, number, pos) ? Yuan(text, number, figure, stated, pos) : null;
        }
        pos = unit.End;
        // 一吨半: a half of the unit more.
        if (unit.Value.Kind == AmountKind.Quantity && pos < text.Length && text[pos] == '半')
        {
            figure = figure with { Value = figure.Value + 0.5m, Low = figure.Low + 0.5m, High = figure.High + 0.5m };
            pos++;
        }
        // 100元以上 is a bound; 100元 ⏎ 以上合计… begins the next words (以上 = the above).
        if (After.TryMatchAt(text, pos, out var after) && !(after.Word == "以上" && TotalWords.TryMatchAt(text, after.End, out _)))
        {
            stated = after.Value;
            pos = after.End;
        }
        var start = number.Start;
        if (QualifierBefore(text, number.Start) is { } before)
        {
            stated = before.Value;
            start = before.Start;
        }
        if (stated is { } qualifier) figure = figure with { Qualifier = qualifier };
        var currency = unit.Value.Kind == AmountKind.Money ? unit.Value.Currency : "CNY";
        // 新台币1亿元 / 港币100万元: a currency named before the figure, 元 only counts it.
        if (unit.Value.Kind == AmountKind.Money && CurrencyBefore(text, start) is { } named)
        {
            if (named.Value.Currency != "CNY") currency = named.Value.Currency;
            start = named.Start;
        }
        return new Amount(unit.Value.Kind, start, pos - start, figure,
            unit.Value.Kind == AmountKind.Quantity ? unit.Word : null, currency);
    }

    /// <summary>
    /// 向甘肃省慈善联合总会捐赠1500万 / 筹到资金及物资1800余万 / 捐百万物资: a sum in 万 or 亿 right
    /// after a giving word is money even when the page leaves out 元.
    /// </summary>
    /// <summary>
    /// 捐款-5000元 / 1e308元: a minus sign or an exponent makes the digits something other than a
    /// figure a report gives (a range 3-5万 keeps its digits on both sides of the dash).
    /// </summary>
    private static bool SignedOrScientific(string text, NumberMatch number)
    {
        var start = number.Start;
        var signed = start > 0 && text[start - 1] is '-' or '－' or '−' && (start < 2 || !char.IsAsciiDigit(text[start - 2]));
        var e = start > 0 && text[start - 1] is '+' or '-' ? start - 2 : start - 1;
        var exponent = e > 0 && text[e] is 'e' or 'E' && char.IsAsciiDigit(text[e - 1])
                       || number.End + 1 < text.Length && text[number.End] is 'e' or 'E' && (char.IsAsciiDigit(text[number.End + 1]) || text[number.End + 1] is '+' or '-');
        return signed || exponent;
    }

    private static bool YuanLeftUnsaid(string text, NumberMatch number, int pos)
    {
        var last = text[pos - 1];
        var next = pos < text.Length ? text[pos] : '\0';
        // 澳门建造商会捐六万三: a spoken sum that ends the headline right after the giving word.
        var spoken = number.Length >= 3 && text.AsSpan(number.Start, number.Length).IndexOfAny('万', '亿') >= 0
                     && (next is '\0' or ' ' or '。' or ',' or '!' or '，' or '！') && number.Start >= 1
                     && EndsAt(Lexicon.Instance.Triggers, text, Math.Max(0, number.Start - 2), number.Start);
        if (spoken) return true;
        if (last is not ('万' or '亿') && !(last is '余' or '多' && pos >= 2 && text[pos - 2] is '万' or '亿')) return false;
        if (next >= '\u4e00' && next <= '\u9fff' && !Lexicon.Instance.Items.TryMatchAt(text, pos, out _)) return false;
        var from = Math.Max(0, number.Start - 6);
        if (Lexicon.Instance.Triggers.ContainsAny(text, from, number.Start)) return true;
        return EndsAt(MoneyNouns, text, from, number.Start);
    }

    // Whether a word of the table found in [from, end) ends right at end.
    private static bool EndsAt<T>(WordTable<T> table, string text, int from, int end)
    {
        foreach (var word in table.Matches(text, from, end))
            if (word.End == end) return true;
        return false;
    }

    private static readonly WordTable<bool> MoneyNouns = Lexicon.Instance.Cue("money_noun");
    private static readonly WordTable<bool> TotalWords = Lexicon.Instance.Cue("total");

    private static Amount Yuan(string text, NumberMatch number, Figure figure, Qualifier? stated, int end)
    {
        var start = number.Start;
        if (QualifierBefore(text, number.Start) is { } before)
        {
            stated = before.Value;
            start = before.Start;
        }
        if (stated is { } qualifier) figure = figure with { Qualifier = qualifier };
        return new Amount(AmountKind.Money, start, end - start, figure, null, "CNY");
    }

    private static bool FollowedByMagnitudeOrUnit(string text, int pos) =>
        pos < text.Length && (Magnitudes.ContainsKey(text[pos]) || Units.TryMatchAt(text, pos, out _));

    // 近3万元 / 超过119万元 / 约 30万元: the qualifying word ends where the number starts.
    private static WordMatch<Qualifier>? QualifierBefore(string text, int numberStart)
    {
        var end = numberStart;
        while (end > 0 && text[end - 1] == ' ') end--;
        for (var length = Math.Min(LongestBefore, end); length >= 1; length--)
        {
            if (Before.TryMatchAt(text, end - length, out var m) && m.End == end) return m;
        }
        return null;
    }

    private static WordMatch<(AmountKind Kind, string Currency)>? CurrencyBefore(string text, int start)
    {
        var end = start;
        while (end > 0 && text[end - 1] == ' ') end--;
        for (var length = Math.Min(5, end); length >= 2; length--)
        {
            if (Units.TryMatchAt(text, end - length, out var m) && m.End == end && m.Value.Kind == AmountKind.Money) return m;
        }
        return null;
    }

    private static Figure Scale(Figure figure, decimal by) =>
        figure with { Value = figure.Value * by, Low = figure.Low * by, High = figure.High * by };

    private static int SkipSpaces(string text, int pos)
    {
        while (pos < text.Length && text[pos] == ' ') pos++;
        return pos;
    }
}
