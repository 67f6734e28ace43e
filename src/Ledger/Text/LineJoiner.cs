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

    /// <summary>The paragraphs of the lines, each a run of them (its first line and how many).</summary>
    /// <param name="lines">The lines that are not empty, in order.</param>
    public static List<TextSpan> Paragraphs(List<CleanLine> lines)
    {
        var widths = WrapWidths(lines);
        var paragraphs = new List<TextSpan>();
        var start = 0;
        for (var i = 1; i <= lines.Count; i++)
        {
            if (i < lines.Count && Continues(lines[i - 1], lines[i], widths[i - 1])) continue;
            paragraphs.Add(new TextSpan(start, i - start));
            start = i;
        }
        return paragraphs;
    }

    private static bool Continues(CleanLine before, CleanLine next, int width)
    {
        if (before.IsHeading || next.IsHeading || EndsParagraph(before.Text) || StartsBlock(next.Text)) return false;
        // Titles, subtitles (——…) and bylines set their words apart by spaces and stand alone.
        if (IsTitleLike(before) || IsTitleLike(next) || before.Text.StartsWith("——", StringComparison.Ordinal)) return false;
        if (IsPageMetadata(before.Text) || IsPageMetadata(next.Text)) return false;
        var text = before.Text;
        var last = text[^1];
        if (Continuing.IndexOf(last) >= 0) return true;
        if (char.IsAsciiDigit(last) && NumberContinuations.IndexOf(next.Text[0]) >= 0) return true;
        if (text.Length >= LongLine) return true;
        // 2月8日,首批捐赠的10万个医 ⏎⏎ 用防护帽: a line broken off inside a sentence; titles carry no commas.
        if (HasSentencePunctuation(text)) return true;
        return width > 0 && text.Length >= width - 2;
    }

    // 2022年4月23日10:36 来源:上海市慈善基金会 / 责任编辑:…: a web page's dateline and credits stand alone.
    private static readonly string[] PageMetadata = LanguageData.Lines("Text/Data/page-metadata.txt").ToArray();

    private static bool IsPageMetadata(string text) =>
        text.Length <= 3 * LongLine && PageMetadata.Any(word => text.Contains(word, StringComparison.Ordinal));

    // 2 张三丰 1,000: a comma between digits groups thousands, it does not make a row a sentence.
    private static bool HasSentencePunctuation(string text)
    {
        for (var i = text.IndexOfAny(SentencePunctuation); i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(SentencePunctuation, i + 1) : -1)
            if (!ChineseNumber.IsThousandsSeparator(text, i)) return true;
        return false;
    }

    private static bool IsTitleLike(CleanLine line) => line.Spaced && line.Text.Length < LongLine;

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

    // How many lines around a line show the layout it belongs to.
    private const int Window = 31;

    /// <summary>
    /// For each line, the width a newspaper wraps its lines at when most lines around it share one
    /// length (±1); else 0. Looked at locally, so a page that mixes a wrapped column with running
    /// text reads each part by its own layout.
    /// </summary>
    private static int[] WrapWidths(List<CleanLine> lines)
    {
        const int narrowest = 8, widest = 40;
        var widths = new int[lines.Count];
        var counts = new int[widest + 2];
        int Length(int i) => lines[i].IsHeading ? 0 : lines[i].Text.Length;
        void Count(int i, int delta)
        {
            var length = Length(i);
            if (length is >= narrowest - 1 and <= widest + 1) counts[length] += delta;
        }

        var from = 0;
        var to = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var wantFrom = Math.Max(0, i - Window / 2);
            var wantTo = Math.Min(lines.Count - 1, i + Window / 2);
            while (to < wantTo) Count(++to, +1);
            while (from < wantFrom) Count(from++, -1);
            var size = to - from + 1;
            if (size < 10) continue;
            var best = 0;
            var bestCount = 0;
            for (var width = narrowest; width <= widest; width++)
            {
                var band = counts[width - 1] + counts[width] + counts[width + 1];
                if (band > bestCount)
                {
                    best = width;
                    bestCount = band;
                }
            }
            widths[i] = bestCount * 2 >= size ? best : 0;
        }
        return widths;
    }
}
