namespace Ledger.Domain;

/// <summary>One giver's totals as kept: its JSON object (<see cref="TotalsFormat.Utf8JsonObject"/>) and the figures it is ranked by, in fen.</summary>
public sealed record KeptGiver(long DonorId, long GivenFen, long ReportedFen, string Name, byte[] Json)
{
    /// <summary>The order of totals (<see cref="Sums.Ranked{T}"/>), over the figures kept.</summary>
    public static readonly IComparer<KeptGiver> Order = Comparer<KeptGiver>.Create((a, b) =>
        Sums.Ranked(a.GivenFen, a.ReportedFen, a.Name, b.GivenFen, b.ReportedFen, b.Name));
}

/// <summary>
/// Totals by donor as one JSON array, the answer `ledger totals --by donor --format json` prints and
/// GET /totals?by=donor serves: each giver's kept object in rank order. A write changes a few givers
/// of tens of thousands, so the answer is patched (those givers taken out and put back in their new
/// place) rather than made again, and a page is cut out of it rather than written anew.
/// </summary>
public sealed class KeptTotals
{
    private List<KeptGiver> _givers = [];
    private Dictionary<long, KeptGiver> _byDonor = [];

    // Where each giver's object starts in the body, and where the last one ends.
    private int[] _starts = [0];

    /// <summary>The answer: a JSON array of every giver's object, most given first.</summary>
    public byte[] Body { get; private set; } = "[]"u8.ToArray();

    /// <summary>The answer made of these givers, as they are.</summary>
    public void Load(IEnumerable<KeptGiver> givers)
    {
        _givers = givers.ToList();
        _givers.Sort(KeptGiver.Order);
        _byDonor = _givers.ToDictionary(g => g.DonorId);
        Concatenate();
    }

    /// <summary>
    /// The answer after a write that changed <paramref name="changed"/>: their objects now
    /// (<paramref name="now"/>; a giver without one has no totals any longer) put in place of the old.
    /// </summary>
    /// <returns>False when the answer cannot be patched, and is to be loaded whole: a change to more than a quarter of the givers, or one that does not match the answer.</returns>
    /// <example>Givers A 100, B 50, C 10; B now 200: B, A, C.</example>
    public bool TryPatch(IReadOnlyCollection<long> changed, Func<IReadOnlyCollection<long>, IEnumerable<KeptGiver>> now)
    {
        if (changed.Count > _givers.Count / 4) return false;
        foreach (var donor in changed)
        {
            if (!_byDonor.Remove(donor, out var old)) continue;
            var at = _givers.BinarySearch(old, KeptGiver.Order);
            if (at < 0) return false;
            _givers.RemoveAt(at);
        }
        foreach (var giver in now(changed))
        {
            var at = _givers.BinarySearch(giver, KeptGiver.Order);
            _givers.Insert(at < 0 ? ~at : at, giver);
            _byDonor[giver.DonorId] = giver;
        }
        Concatenate();
        return true;
    }

    /// <summary>Givers <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> as a JSON array, and how many there are.</summary>
    public (ReadOnlyMemory<byte> Json, int Groups) Page(int offset, int limit)
    {
        var count = _starts.Length - 1;
        var first = Math.Clamp(offset, 0, count);
        var last = Math.Clamp(first + Math.Max(limit, 0), first, count);
        if (first == last) return ("[]"u8.ToArray(), count);
        // From the first object to the end of the last, without the comma after it.
        var page = new byte[_starts[last] - _starts[first] - 1 + 2];
        page[0] = (byte)'[';
        Body.AsSpan(_starts[first], page.Length - 2).CopyTo(page.AsSpan(1));
        page[^1] = (byte)']';
        return (page, count);
    }

    private void Concatenate()
    {
        var body = new byte[2 + Math.Max(0, _givers.Count - 1) + _givers.Sum(g => g.Json.Length)];
        var starts = new int[_givers.Count + 1];
        var at = 0;
        body[at++] = (byte)'[';
        for (var i = 0; i < _givers.Count; i++)
        {
            if (i > 0) body[at++] = (byte)',';
            starts[i] = at;
            _givers[i].Json.CopyTo(body, at);
            at += _givers[i].Json.Length;
        }
        // The end of the last object, written as the start of the one that would follow its comma.
        starts[_givers.Count] = at + 1;
        body[at] = (byte)']';
        _starts = starts;
        Body = body;
    }
}
