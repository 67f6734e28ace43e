namespace Ledger.Text;

/// <summary>Turns a raw report into a <see cref="NormalizedDocument"/>. Never throws.</summary>
public static class TextNormalizer
{
    public static NormalizedDocument Normalize(string raw)
    {
        // Provisional: one paragraph per non-empty line, sentences split at 。！？.
        raw ??= "";
        var text = new System.Text.StringBuilder();
        var lines = new List<int>();
        var paragraphs = new List<TextSpan>();
        var sentences = new List<Sentence>();
        var lineNo = 0;
        foreach (var line in raw.Split('\n'))
        {
            lineNo++;
            var t = line.Trim();
            if (t.Length == 0) continue;
            var start = text.Length;
            var paragraph = paragraphs.Count;
            var sentenceStart = start;
            foreach (var c in t)
            {
                text.Append(c);
                lines.Add(lineNo);
                if (c is '。' or '！' or '？')
                {
                    sentences.Add(new Sentence(text.ToString(sentenceStart, text.Length - sentenceStart), sentenceStart, paragraph, lineNo));
                    sentenceStart = text.Length;
                }
            }
            if (sentenceStart < text.Length)
                sentences.Add(new Sentence(text.ToString(sentenceStart, text.Length - sentenceStart), sentenceStart, paragraph, lineNo));
            paragraphs.Add(new TextSpan(start, text.Length - start));
            text.Append('\n');
            lines.Add(lineNo);
        }
        return new NormalizedDocument(text.ToString(), lines.ToArray(), paragraphs, sentences);
    }
}
