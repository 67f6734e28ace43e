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
    private readonly int[] _lineOfChar;

    internal NormalizedDocument(string text, int[] lineOfChar, IReadOnlyList<TextSpan> paragraphs, IReadOnlyList<Sentence> sentences)
    {
        Text = text;
        _lineOfChar = lineOfChar;
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
    public int LineAt(int index)
    {
        if (_lineOfChar.Length == 0) return 1;
        return _lineOfChar[Math.Clamp(index, 0, _lineOfChar.Length - 1)];
    }
}

/// <summary>A sentence of the normalised text: its span, the paragraph it belongs to, and its original line.</summary>
public sealed record Sentence(string Text, int Start, int Paragraph, int Line);
