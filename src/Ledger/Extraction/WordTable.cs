namespace Ledger.Extraction;

/// <summary>A word found in a text by a <see cref="WordTable{T}"/>.</summary>
internal readonly record struct WordMatch<T>(int Start, string Word, T Value)
{
    public int End => Start + Word.Length;
}

/// <summary>
/// A list of words with a value each, matched longest-first at any position. Words are indexed by
/// their first character so a scan costs one dictionary probe per character.
/// </summary>
internal sealed class WordTable<T>
{
    private readonly Dictionary<char, (string Word, T Value)[]> _byFirstChar;

    // Most characters begin no word: one array read rejects them before any dictionary probe.
    private readonly bool[] _isFirstChar = new bool[char.MaxValue + 1];

    public WordTable(IEnumerable<(string Word, T Value)> entries)
    {
        _byFirstChar = entries
            .Where(e => e.Word.Length > 0)
            .GroupBy(e => e.Word[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Word.Length).ToArray());
        foreach (var first in _byFirstChar.Keys) _isFirstChar[first] = true;
    }

    public bool TryMatchAt(string text, int index, out WordMatch<T> match) => TryMatchAt(text.AsSpan(), index, out match);

    /// <summary>The longest word of the table at <paramref name="index"/> of words that are no string of their own.</summary>
    public bool TryMatchAt(ReadOnlySpan<char> text, int index, out WordMatch<T> match)
    {
        if ((uint)index < (uint)text.Length && _isFirstChar[text[index]] && _byFirstChar.TryGetValue(text[index], out var candidates))
        {
            foreach (var (word, value) in candidates)
            {
                if (index + word.Length <= text.Length && text.Slice(index, word.Length).SequenceEqual(word))
                {
                    match = new WordMatch<T>(index, word, value);
                    return true;
                }
            }
        }
        match = default;
        return false;
    }

    /// <summary>Leftmost-longest, non-overlapping matches in [start, end).</summary>
    public List<WordMatch<T>> FindAll(string text, int start = 0, int end = -1)
    {
        var found = new List<WordMatch<T>>();
        foreach (var match in Matches(text, start, end)) found.Add(match);
        return found;
    }

    /// <summary>
    /// The matches <see cref="FindAll"/> lists, found one at a time as a loop asks for them: for a
    /// loop that only reads them, no list is built.
    /// </summary>
    public Scan Matches(string text, int start = 0, int end = -1) => new(this, text, start, end);

    /// <summary>Leftmost-longest, non-overlapping matches in [start, end), for <c>foreach</c>.</summary>
    public struct Scan
    {
        private readonly WordTable<T> _table;
        private readonly string _text;
        private readonly int _end;
        private int _next;

        internal Scan(WordTable<T> table, string text, int start, int end)
        {
            _table = table;
            _text = text;
            _end = end < 0 || end > text.Length ? text.Length : end;
            _next = Math.Max(0, start);
            Current = default;
        }

        public WordMatch<T> Current { get; private set; }

        public readonly Scan GetEnumerator() => this;

        public bool MoveNext()
        {
            for (var i = _next; i < _end; i++)
            {
                if (_table.TryMatchAt(_text, i, out var m) && m.End <= _end)
                {
                    Current = m;
                    _next = m.End;
                    return true;
                }
            }
            _next = _end;
            return false;
        }
    }

    /// <summary>The first match in [start, end), or null.</summary>
    public WordMatch<T>? FindFirst(string text, int start = 0, int end = -1)
    {
        foreach (var match in Matches(text, start, end)) return match;
        return null;
    }

    public bool ContainsAny(string text, int start = 0, int end = -1) => FindFirst(text, start, end) is not null;
}
