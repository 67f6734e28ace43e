namespace Ledger.Extraction;

/// <summary>
/// What was found in a sentence (amounts, dates), in the order it was found, looked up by where each
/// starts. Finds run left to right, so a binary search answers "which start in [from, to)" and a
/// sentence of thousands of clauses is read in linear time rather than in the square of its length.
/// Should a list ever not be in order of its starts, every lookup scans it and gives the same answers.
/// A struct: a sentence builds three of them, most over nothing.
/// </summary>
internal readonly struct StartIndex<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly Func<T, int> _startOf;
    private readonly bool _ordered;

    public StartIndex(IReadOnlyList<T> items, Func<T, int> startOf)
    {
        _items = items;
        _startOf = startOf;
        _ordered = true;
        for (var i = 1; i < items.Count && _ordered; i++)
            _ordered = startOf(items[i - 1]) <= startOf(items[i]);
    }

    /// <summary>The items starting in [<paramref name="from"/>, <paramref name="to"/>), in the order they were found.</summary>
    public List<T> In(int from, int to)
    {
        var found = new List<T>();
        foreach (var item in Within(from, to)) found.Add(item);
        return found;
    }

    /// <summary>The items <see cref="In"/> lists, one at a time as a loop asks for them (no list).</summary>
    public Range Within(int from, int to) => new(this, from, to);

    /// <summary>The items starting in [from, to), in the order they were found, for <c>foreach</c>.</summary>
    public struct Range
    {
        private readonly StartIndex<T> _index;
        private readonly int _from;
        private readonly int _to;
        private int _next;

        internal Range(StartIndex<T> index, int from, int to)
        {
            _index = index;
            _from = from;
            _to = to;
            _next = index._ordered ? index.FirstAtOrAfter(from) : 0;
            Current = default!;
        }

        public T Current { get; private set; }

        public readonly Range GetEnumerator() => this;

        public bool MoveNext()
        {
            var items = _index._items;
            for (; _next < items.Count; _next++)
            {
                var start = _index._startOf(items[_next]);
                if (_index._ordered && start >= _to) break;
                if (start < _from || start >= _to) continue;
                Current = items[_next++];
                return true;
            }
            return false;
        }
    }

    /// <summary>Whether anything starts in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public bool Any(int from, int to) => FirstStartAtOrAfter(from) is { } first && first < to;

    /// <summary>The smallest start at or after <paramref name="from"/>, or null when nothing starts there.</summary>
    public int? FirstStartAtOrAfter(int from)
    {
        if (!_ordered)
        {
            int? first = null;
            foreach (var item in _items)
                if (_startOf(item) >= from && (first is null || _startOf(item) < first)) first = _startOf(item);
            return first;
        }
        var i = FirstAtOrAfter(from);
        return i < _items.Count ? _startOf(_items[i]) : null;
    }

    /// <summary>The last item found that starts before <paramref name="position"/>, if any.</summary>
    public bool TryLastBefore(int position, out T item)
    {
        item = default!;
        var found = false;
        if (!_ordered)
        {
            foreach (var candidate in _items)
                if (_startOf(candidate) < position)
                {
                    item = candidate;
                    found = true;
                }
            return found;
        }
        var i = FirstAtOrAfter(position) - 1;
        if (i < 0) return false;
        item = _items[i];
        return true;
    }

    private int FirstAtOrAfter(int position)
    {
        int low = 0, high = _items.Count;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (_startOf(_items[middle]) < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
