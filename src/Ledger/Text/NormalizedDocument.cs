namespace Ledger.Text;

/// <summary>A span of the normalised text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// A document's text after normalisation: simplified Chinese, full-width forms folded, pinyin debris
/// and stray spaces removed, hard-wrapped lines rejoined. Paragraphs are separated by '\n' in
/// <see cref="Text"/>; every position maps back to the 1-based line of the original file.
/// </summary>
public sealed class NormalizedDocument
{
    // Where each joined line starts in Text, with its line of the original file, in order: a
    // character belongs to the last run starting at or before it (one entry a line, not one a character).
    private readonly LineRun[] _lines;

    internal NormalizedDocument(string text, LineRun[] lines, IReadOnlyList<TextSpan> paragraphs, IReadOnlyList<Sentence> sentences)
    {
        Text = text;
        _lines = lines;
        Paragraphs = paragraphs;
        Sentences = sentences;
    }

    public string Text { get; }

    /// <summary>Whether the original was written in Traditional characters (and converted).</summary>
    public bool WasTraditional { get; internal set; }

    /// <summary>Paragraphs: headings and real paragraph ends are boundaries, wrapped lines are not.</summary>
    public IReadOnlyList<TextSpan> Paragraphs { get; }

    /// <summary>Sentences in document order, each inside one paragraph.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>The 1-based line of the original file holding the character at <paramref name="index"/>.</summary>
    public int LineAt(int index) => LineAt(_lines, Text.Length, index);

    /// <summary>The line of the character at <paramref name="index"/> of a text <paramref name="length"/> long whose lines start at <paramref name="lines"/>.</summary>
    internal static int LineAt(LineRun[] lines, int length, int index)
    {
        if (length == 0 || lines.Length == 0) return 1;
        index = Math.Clamp(index, 0, length - 1);
        int low = 0, high = lines.Length - 1;
        while (low < high)
        {
            var middle = low + (high - low + 1) / 2;
            if (lines[middle].Start <= index) low = middle;
            else high = middle - 1;
        }
        return lines[low].Line;
    }
}

/// <summary>Where a line of the original file starts in the normalised text, and its 1-based number.</summary>
internal readonly record struct LineRun(int Start, int Line);

/// <summary>A sentence of the normalised text: its span, the paragraph it belongs to, and its original line.</summary>
public sealed record Sentence(string Text, int Start, int Paragraph, int Line);
