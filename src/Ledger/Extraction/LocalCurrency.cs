using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>
/// What a bare 元 counts in a report: yuan on the mainland, but the local dollar in a page from
/// Hong Kong, Macau or Taiwan (澳门日报: 送交一万元善款 is 10,000 patacas). A page is taken to be
/// from there when it is written in Traditional characters and names one of those places more
/// than the others, at least twice, or when it names the local currency outright (港元, 澳门元).
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
    public static string? Of(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        foreach (var (currency, _, names) in Regions)
            if (names.Any(n => raw.Contains(n, StringComparison.Ordinal))) return currency;
        if (!ChineseScript.IsTraditional(raw)) return null;
        var best = Regions.Select(r => (r.Currency, Count: r.Places.Sum(p => Count(raw, p)))).MaxBy(r => r.Count);
        return best.Count >= 2 ? best.Currency : null;
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
