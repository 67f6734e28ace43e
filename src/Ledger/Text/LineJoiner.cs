namespace Ledger.Text;

/// <summary>
/// Rejoins hard-wrapped lines into paragraphs. Newspapers break a line every 15 characters and
/// magazines break a sentence across a page (布拉格 ⏎⏎ 维申斯克市政府); headings, bylines and real
/// paragraph ends stay boundaries.
/// </summary>
internal static class LineJoiner
{
    // A line ending in one of these ends its paragraph; ':' too, since a list follows it.
    private const string Terminal = "。！？!?…:;；";
    private const string Closers = "”’」』)\"'";

    // A line ending in one of these is obviously continued: 、 , ( “ 《 cannot end a paragraph.
    private const string Continuing = "、,(“《‘「『-—";

    private static readonly char[] SentencePunctuation = [',', '、', ';', '，', '；'];

    // A line this long that does not end a sentence is body text broken by the layout, not a title.
    private const int LongLine = 24;

    // Digits at a line end continue into a date or an amount: 2 ⏎ 月15日, 20 ⏎ 万元.
    private const string NumberContinuations = "月日号年万亿千百元余多名个只套件箱%.";

    public static List<List<CleanLine>> Paragraphs(List<CleanLine> lines)
    {
        var width = WrapWidth(lines);
        var paragraphs = new List<List<CleanLine>>();
        List<CleanLine>? current = null;
        CleanLine previous = default;
        foreach (var line in lines)
        {
            if (line.Text.Length == 0) continue;
            if (current is not null && Continues(previous, line, width)) current.Add(line);
            else
            {
                current = [line];
                paragraphs.Add(current);
            }
            previous = line;
        }
        return paragraphs;
    }

    private static bool Continues(CleanLine before, CleanLine next, int width)
    {
        if (before.IsHeading || next.IsHeading || EndsParagraph(before.Text) || StartsBlock(next.Text)) return false;
        var text = before.Text;
        var last = text[^1];
        if (Continuing.IndexOf(last) >= 0) return true;
        if (char.IsAsciiDigit(last) && NumberContinuations.IndexOf(next.Text[0]) >= 0) return true;
        if (text.Length >= LongLine) return true;
        // 2月8日,首批捐赠的10万个医 ⏎⏎ 用防护帽: a line broken off inside a sentence; titles carry no commas.
        if (text.IndexOfAny(SentencePunctuation) >= 0) return true;
        return width > 0 && text.Length >= width - 2;
    }

    // 。 / 。” / ! end a paragraph.
    private static bool EndsParagraph(string text)
    {
        var i = text.Length - 1;
        while (i > 0 && Closers.IndexOf(text[i]) >= 0) i--;
        return Terminal.IndexOf(text[i]) >= 0;
    }

    // 一、 / (一) / 1. / —— / 附件: a new block starts.
    private static bool StartsBlock(string text)
    {
        if (text.StartsWith("——", StringComparison.Ordinal) || text.StartsWith("附件", StringComparison.Ordinal)) return true;
        var i = 0;
        if (text[0] is '(' or '（') i++;
        var numeral = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || "一二三四五六七八九十".IndexOf(text[i]) >= 0)) i++;
        if (i == numeral || i >= text.Length) return false;
        return text[i] is '、' or ')' or '）' || text[i] == '.' && i + 1 < text.Length && !char.IsAsciiDigit(text[i + 1]);
    }

    /// <summary>
    /// The width a newspaper wraps its lines at, when most lines share one length (±1); else 0.
    /// </summary>
    private static int WrapWidth(List<CleanLine> lines)
    {
        var counts = new Dictionary<int, int>();
        var total = 0;
        foreach (var line in lines)
        {
            if (line.Text.Length == 0 || line.IsHeading) continue;
            total++;
            counts[line.Text.Length] = counts.GetValueOrDefault(line.Text.Length) + 1;
        }
        if (total < 10) return 0;
        var best = 0;
        var bestCount = 0;
        for (var width = 8; width <= 40; width++)
        {
            var band = counts.GetValueOrDefault(width - 1) + counts.GetValueOrDefault(width) + counts.GetValueOrDefault(width + 1);
            if (band > bestCount)
            {
                best = width;
                bestCount = band;
            }
        }
        return bestCount >= total * 0.35 ? best : 0;
    }
}
