using System.Text.RegularExpressions;

namespace Ledger.Extraction;

/// <summary>A calendar date written in a sentence; the year may be missing.</summary>
internal readonly record struct WrittenDate(int Start, int End, int? Year, int Month, int Day, bool AsOf);

/// <summary>Reads dates (2月9日, 2020年3月5日, 截至2月9日) and a document's own year.</summary>
internal static partial class DateReader
{
    // 截至2月9日 / 2020年2月27日 / 3月5号
    [GeneratedRegex(@"(截至|截止到?|到)?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DatePattern();

    // 2020年第3期: a periodical's issue
    [GeneratedRegex(@"((?:19|20)\d{2})年第\s*\d+\s*期", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IssuePattern();

    // A line that holds only a year, as on a magazine's cover page: "2020"
    [GeneratedRegex(@"^\s*((?:19|20)\d{2})\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex YearLinePattern();

    // 2020年3月6日 written as a dateline
    [GeneratedRegex(@"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FullDatePattern();

    public static List<WrittenDate> FindAll(string text, int start, int end)
    {
        var dates = new List<WrittenDate>();
        try
        {
            foreach (Match m in DatePattern().Matches(text[start..end]))
            {
                var month = int.Parse(m.Groups[3].Value);
                var day = int.Parse(m.Groups[4].Value);
                if (month is < 1 or > 12 || day is < 1 or > 31) continue;
                int? year = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : null;
                dates.Add(new WrittenDate(start + m.Index, start + m.Index + m.Length, year, month, day, m.Groups[1].Success));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: no dates rather than no records.
        }
        return dates;
    }

    /// <summary>
    /// The year a document speaks of, from its own words: an issue number (2020年第3期), a year
    /// printed alone near the top (a cover), else the most frequent year of its full datelines.
    /// Null when the document does not say.
    /// </summary>
    public static int? DocumentYear(string raw)
    {
        try
        {
            var issue = IssuePattern().Match(raw);
            if (issue.Success) return int.Parse(issue.Groups[1].Value);
            var head = raw.Length > 2000 ? raw[..2000] : raw;
            var cover = YearLinePattern().Match(head);
            if (cover.Success) return int.Parse(cover.Groups[1].Value);
            var years = FullDatePattern().Matches(raw).Select(m => int.Parse(m.Groups[1].Value))
                .GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault();
            return years?.Key;
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
