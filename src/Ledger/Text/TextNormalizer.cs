using System.Text;

namespace Ledger.Text;

/// <summary>
/// Turns a raw report into a <see cref="NormalizedDocument"/>: each line is cleaned
/// (<see cref="LineCleaner"/>), hard-wrapped lines are joined into paragraphs (<see cref="LineJoiner"/>),
/// and paragraphs are cut into sentences. Every kept character remembers its original line.
/// Never throws.
/// </summary>
public static class TextNormalizer
{
    // Marks that end a sentence, and closing marks that stay with the sentence they end.
    private const string SentenceEnds = "。！？!?";
    private const string Closers = "”’」』)）\"'";

    public static NormalizedDocument Normalize(string raw)
    {
        raw ??= "";
        var lines = SplitLines(raw);
        var traditional = ChineseScript.IsTraditional(raw);
        var cleaned = new List<CleanLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = LineCleaner.Clean(lines[i], traditional);
            cleaned.Add(new CleanLine(line.Text, i + 1, line.IsHeading, line.Spaced));
        }
        var document = Assemble(LineJoiner.Paragraphs(cleaned));
        document.WasTraditional = traditional;
        return document;
    }

    private static List<string> SplitLines(string raw)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n')
            {
                lines.Add(raw.Substring(start, i - start).TrimEnd('\r'));
                start = i + 1;
            }
        }
        lines.Add(raw[start..].TrimEnd('\r'));
        // A lone \r (old Mac line ends) still breaks a line; count such breaks as lines too.
        if (raw.Contains('\r') && !raw.Contains('\n')) return [.. raw.Split('\r')];
        return lines;
    }

    private static NormalizedDocument Assemble(List<List<CleanLine>> paragraphs)
    {
        var text = new StringBuilder();
        var lineOf = new List<int>();
        var spans = new List<TextSpan>();
        var sentences = new List<Sentence>();
        foreach (var paragraph in paragraphs)
        {
            if (spans.Count > 0)
            {
                text.Append('\n');
                lineOf.Add(lineOf.Count > 0 ? lineOf[^1] : 1);
            }
            var start = text.Length;
            foreach (var line in paragraph)
            {
                text.Append(line.Text);
                for (var k = 0; k < line.Text.Length; k++) lineOf.Add(line.Number);
            }
            spans.Add(new TextSpan(start, text.Length - start));
        }
        var all = text.ToString();
        for (var p = 0; p < spans.Count; p++) SplitSentences(all, spans[p], p, lineOf, sentences);
        return new NormalizedDocument(all, [.. lineOf], spans, sentences);
    }

    private static void SplitSentences(string text, TextSpan paragraph, int index, List<int> lineOf, List<Sentence> sentences)
    {
        var start = paragraph.Start;
        var end = paragraph.End;
        var i = start;
        while (i < end)
        {
            var c = text[i++];
            if (SentenceEnds.IndexOf(c) < 0) continue;
            while (i < end && (SentenceEnds.IndexOf(text[i]) >= 0 || Closers.IndexOf(text[i]) >= 0)) i++;
            Add(start, i);
            start = i;
        }
        Add(start, end);

        void Add(int from, int to)
        {
            while (from < to && text[from] == ' ') from++;
            if (to > from) sentences.Add(new Sentence(text[from..to], from, index, lineOf[from]));
        }
    }
}

/// <summary>A cleaned line of the original file and its 1-based number.</summary>
/// <param name="Text">The cleaned text.</param>
/// <param name="Number">The 1-based line number in the original file.</param>
/// <param name="IsHeading">A Markdown heading.</param>
/// <param name="Spaced">Words set apart by spaces, as titles and bylines are (本报记者 赵青 实习记者 李林晅).</param>
internal readonly record struct CleanLine(string Text, int Number, bool IsHeading, bool Spaced = false);
