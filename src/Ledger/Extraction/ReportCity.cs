namespace Ledger.Extraction;

/// <summary>
/// The city a report speaks from, for names relative to it (市红十字会): the place named most often
/// before 市 in the report, when it is named at least three times.
/// </summary>
internal static class ReportCity
{
    private static readonly HashSet<string> NotCities = ["全", "我", "本", "城", "该", "各", "省", "超", "上", "股", "门", "都", "县", "区"];

    public static string? Of(string text)
    {
        // Every 市 votes for the two and the three characters before it (吉林, 向吉林 / 尔滨, 哈尔滨);
        // a three-character name gets as many votes as its last two characters, a two-character one more.
        var votes = new Dictionary<string, int>();
        for (var i = text.IndexOf('市'); i >= 0; i = text.IndexOf('市', i + 1))
        {
            for (var length = 2; length <= 3 && i - length >= 0; length++)
            {
                var name = text.Substring(i - length, length);
                if (!DonorNames.AllHan(name) || NotCities.Contains(name[^1..])) break;
                votes[name] = votes.GetValueOrDefault(name) + 1;
            }
        }
        var best = votes.OrderByDescending(v => v.Value).ThenByDescending(v => v.Key.Length).FirstOrDefault();
        return best.Value >= 3 ? best.Key : null;
    }
}
