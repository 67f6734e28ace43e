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
            var line = LineCleaner.Clean(raw.AsSpan(lines[i].Start, lines[i].Length), traditional);
            // A line that cleans to nothing only separates the lines around it; its number stays counted.
            if (line.Text.Length > 0) cleaned.Add(new CleanLine(line.Text, i + 1, line.IsHeading, line.Spaced));
        }
        var document = Assemble(cleaned, LineJoiner.Paragraphs(cleaned));
        document.WasTraditional = traditional;
        return document;
    }

    // Where each line of the raw text stands, without its line break: the lines are read in place, not copied.
    private static List<TextSpan> SplitLines(string raw)
    {
        var lines = new List<TextSpan>();
        // A lone \r (old Mac line ends) still breaks a line; count such breaks as lines too.
        var breaks = raw.Contains('\n') ? '\n' : '\r';
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == breaks)
            {
                lines.Add(Line(raw, start, i, breaks));
                start = i + 1;
            }
        }
        lines.Add(Line(raw, start, raw.Length, breaks));
        return lines;

        // A line ended by \n loses the \r of \r\n before it.
        static TextSpan Line(string raw, int start, int end, char breaks) =>
            new(start, breaks == '\n' ? raw.AsSpan(start, end - start).TrimEnd('\r').Length : end - start);
    }

    private static NormalizedDocument Assemble(List<CleanLine> lines, List<TextSpan> paragraphs)
    {
        // Paragraphs are runs of lines, joined as they are and set apart by '\n'.
        var length = Math.Max(0, paragraphs.Count - 1);
        foreach (var paragraph in paragraphs)
            for (var l = paragraph.Start; l < paragraph.End; l++) length += lines[l].Text.Length;
        var runs = new List<LineRun>(lines.Count);
        var spans = new List<TextSpan>(paragraphs.Count);
        var all = string.Create(length, (lines, paragraphs, runs, spans), static (text, state) =>
        {
            var (lines, paragraphs, runs, spans) = state;
            var at = 0;
            foreach (var paragraph in paragraphs)
            {
                // The '\n' between two paragraphs belongs to the line before it.
                if (at > 0) text[at++] = '\n';
                var start = at;
                for (var l = paragraph.Start; l < paragraph.End; l++)
                {
                    var line = lines[l];
                    runs.Add(new LineRun(at, line.Number));
                    line.Text.CopyTo(text[at..]);
                    at += line.Text.Length;
                }
                spans.Add(new TextSpan(start, at - start));
            }
        });
        LineRun[] lineStarts = [.. runs];
        var sentences = new List<Sentence>();
        for (var p = 0; p < spans.Count; p++) SplitSentences(all, spans[p], p, lineStarts, sentences);
        return new NormalizedDocument(all, lineStarts, spans, sentences);
    }

    private static void SplitSentences(string text, TextSpan paragraph, int index, LineRun[] lines, List<Sentence> sentences)
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
            if (to > from) sentences.Add(new Sentence(text[from..to], from, index, NormalizedDocument.LineAt(lines, text.Length, from)));
        }
    }
}

/// <summary>A cleaned line of the original file and its 1-based number.</summary>
/// <param name="Text">The cleaned text.</param>
/// <param name="Number">The 1-based line number in the original file.</param>
/// <param name="IsHeading">A Markdown heading.</param>
/// <param name="Spaced">Words set apart by spaces, as titles and bylines are (本报记者 赵青 实习记者 李林晅).</param>
internal readonly record struct CleanLine(string Text, int Number, bool IsHeading, bool Spaced = false);
