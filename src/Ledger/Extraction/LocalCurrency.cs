using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>
/// What a bare 元 counts in a report: yuan on the mainland, but the local dollar in a page from
/// Hong Kong, Macau or Taiwan (澳门日报: 送交一万元善款 is 10,000 patacas). A page in Traditional
/// characters is taken to be from there when it names one of those places at least twice or its
/// currency (港元, 澳門元); a page in Simplified characters only when it names both again and again.
/// 人民币 written beside a figure is always yuan.
/// </summary>
internal static class LocalCurrency
{
    private static readonly (string Currency, string[] Places, string[] Names)[] Regions =
        LanguageData.Lines("Extraction/Data/currencies.tsv").Select(l => l.Split('\t'))
            .GroupBy(r => r[0])
            .Select(g => (g.Key, g.Where(r => r[1] == "place").Select(r => r[2]).ToArray(), g.Where(r => r[1] == "name").Select(r => r[2]).ToArray()))
            .ToArray();

    /// <summary>The ISO code a bare 元 stands for in <paramref name="raw"/>, or null for yuan.</summary>
    /// <param name="traditional">Whether the page is written in Traditional characters.</param>
    public static string? Of(string raw, bool traditional)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        var best = Regions.Select(r => (r.Currency, Places: r.Places.Sum(p => Count(raw, p)), Names: r.Names.Sum(n => Count(raw, n))))
            .MaxBy(r => r.Places + r.Names);
        // A mainland page that mentions one gift in patacas does not turn its yuan into patacas: in
        // Simplified characters the page must name the place and its currency again and again.
        if (traditional) return best.Places >= 2 || best.Names >= 1 ? best.Currency : null;
        return best.Names >= 2 && best.Places >= 3 && Count(raw, "人民币") < best.Names ? best.Currency : null;
    }

    /// <summary>Whether the figure's own words say yuan (人民币100万元, 100万元人民币).</summary>
    public static bool SaysYuan(string text, Amount money) =>
        text.AsSpan(money.Start, money.Length).Contains("人民币", StringComparison.Ordinal)
        || text.AsSpan(money.End, Math.Min(3, text.Length - money.End)).StartsWith("人民币", StringComparison.Ordinal);

    private static int Count(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
