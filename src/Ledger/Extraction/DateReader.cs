using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Extraction;

/// <summary>A calendar date written in a sentence; the year may be missing.</summary>
internal readonly record struct WrittenDate(int Start, int End, int? Year, int Month, int Day, bool AsOf);

/// <summary>Reads dates (2月9日, 2020年3月5日, 截至2月9日) and a document's own year.</summary>
internal static partial class DateReader
{
    // Digits are [0-9], not \d: \d also matches other scripts' digits (١٢, ৩), which int.Parse refuses.
    // 截至2月9日 / 2020年2月27日 / 3月5号
    [GeneratedRegex(@"(截至|截止到?|到)?(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})[日号]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DatePattern();

    // 2020年第3期: a periodical's issue
    [GeneratedRegex(@"((?:19|20)[0-9]{2})年第\s*[0-9]+\s*期", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IssuePattern();

    // A line that holds only a year, as on a magazine's cover page: "2020"
    [GeneratedRegex(@"^\s*((?:19|20)[0-9]{2})\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex YearLinePattern();

    // 2020年3月6日 written as a dateline
    [GeneratedRegex(@"((?:19|20)[0-9]{2})年[0-9]{1,2}月[0-9]{1,2}日", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FullDatePattern();

    public static List<WrittenDate> FindAll(string text, int start, int end)
    {
        var dates = new List<WrittenDate>();
        Scan(text, start, end, dates);
        return dates;
    }

    /// <summary>The first date <see cref="FindAll"/> would list, or null.</summary>
    public static WrittenDate? First(string text, int start, int end) => Scan(text, start, end, all: null);

    // The dates in [start, end): each added to `all`, or, without a list, only the first, returned.
    private static WrittenDate? Scan(string text, int start, int end, List<WrittenDate>? all)
    {
        var words = text.AsSpan(start, end - start);
        // Every date written has 月; most sentences have none and need no regular expression run.
        if (words.IndexOf('月') < 0) return null;
        WrittenDate? first = null;
        try
        {
            // The matches are read where they stand, without the Match and Group objects of Matches().
            foreach (var m in DatePattern().EnumerateMatches(words))
            {
                if (Read(words, m, start) is not { } date) continue;
                first ??= date;
                if (all is null) break;
                all.Add(date);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: no dates rather than no records.
        }
        return first;
    }

    // The date a match in words (which start at offset in the sentence) writes; null for no month or day of a calendar.
    private static WrittenDate? Read(ReadOnlySpan<char> words, ValueMatch m, int offset)
    {
        var (asOf, year, month, day) = Parts(words.Slice(m.Index, m.Length));
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        return new WrittenDate(offset + m.Index, offset + m.Index + m.Length, year, month, day, asOf);
    }

    // The groups of a DatePattern match: 截至2020年2月9日 → (as of, 2020, 2, 9); 3月5号 → (not as of, none, 3, 5).
    // Only the prefix holds 截 or 到, only the year is followed by 年, and the match ends with 日 or 号.
    private static (bool AsOf, int? Year, int Month, int Day) Parts(ReadOnlySpan<char> date)
    {
        var asOf = date[0] is '截' or '到';
        var from = date.IndexOfAnyInRange('0', '9');
        var yearEnd = date.IndexOf('年');
        int? year = yearEnd >= 0 ? Number(date[from..yearEnd]) : null;
        if (yearEnd >= 0) from = yearEnd + 1;
        var monthEnd = date.IndexOf('月');
        return (asOf, year, Number(date[from..monthEnd]), Number(date[(monthEnd + 1)..^1]));
    }

    // 19xx or 20xx, the first digits of the match.
    private static int YearIn(ReadOnlySpan<char> match)
    {
        var from = match.IndexOfAnyInRange('0', '9');
        return Number(match.Slice(from, 4));
    }

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    /// <summary>
    /// The year a document speaks of, from its own words: an issue number (2020年第3期), a year
    /// printed alone near the top (a cover), else the most frequent year of its full datelines.
    /// Null when the document does not say.
    /// </summary>
    public static int? DocumentYear(string raw)
    {
        try
        {
            // Each pattern's year is the first four digits of its match: nothing before them is a digit.
            foreach (var issue in IssuePattern().EnumerateMatches(raw)) return YearIn(raw.AsSpan(issue.Index, issue.Length));
            var head = raw.AsSpan(0, Math.Min(raw.Length, 2000));
            foreach (var cover in YearLinePattern().EnumerateMatches(head)) return YearIn(head.Slice(cover.Index, cover.Length));
            // The year of the most datelines; of two as frequent, the later.
            Span<int> datelines = stackalloc int[200];
            foreach (var m in FullDatePattern().EnumerateMatches(raw)) datelines[YearIn(raw.AsSpan(m.Index, m.Length)) - 1900]++;
            int? year = null;
            for (var y = 0; y < datelines.Length; y++)
                if (datelines[y] > 0 && (year is null || datelines[y] >= datelines[year.Value - 1900])) year = 1900 + y;
            return year;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // 2020年3月6日 / 出刊 2020年6月 near the top of a document
    [GeneratedRegex(@"((?:19|20)[0-9]{2})年([0-9]{1,2})月(?:([0-9]{1,2})日)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PublicationPattern();

    /// <summary>
    /// When a document was published, as far as its head says: the first full or month date in its
    /// first lines ("2020-03-06", or "2020-06" for 出刊 2020年6月); null when the head gives none.
    /// </summary>
    public static string? PublicationDate(string raw)
    {
        try
        {
            var head = string.Join("\n", raw.Split('\n').Where(l => l.Trim().Length > 0).Take(25));
            var m = PublicationPattern().Match(head);
            if (!m.Success) return null;
            var year = int.Parse(m.Groups[1].Value);
            var month = int.Parse(m.Groups[2].Value);
            if (month is < 1 or > 12) return null;
            if (m.Groups[3].Success && int.Parse(m.Groups[3].Value) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month))
                return new DateOnly(year, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return $"{year:D4}-{month:D2}";
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    public static DateOnly? ToDate(WrittenDate date, int? documentYear)
    {
        var year = date.Year ?? documentYear;
        if (year is null) return null;
        return date.Day <= DateTime.DaysInMonth(year.Value, date.Month) ? new DateOnly(year.Value, date.Month, date.Day) : null;
    }
}
