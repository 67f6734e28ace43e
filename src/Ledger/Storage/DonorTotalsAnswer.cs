using System.Data.Common;
using Dapper;

namespace Ledger.Storage;

/// <summary>
/// Totals by donor as the JSON array `ledger totals --by donor --format json` prints, kept in memory
/// for one ledger and brought up to date at the first read after a write: the givers that write
/// changed (from the change log) are read and put in their place, the rest is kept. Only when the
/// log no longer reaches back to the kept revision is every giver read again.
/// </summary>
internal sealed class DonorTotalsAnswer
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DonorTotalsAnswer> Ledgers = new();

    private readonly Lock _lock = new();
    private long _revision = -1;
    private List<DonorTotals.Kept> _givers = [];
    private Dictionary<long, DonorTotals.Kept> _byDonor = [];
    private byte[] _body = [];

    // Where each giver's object starts in the body, and where the last one ends: a page is cut, not rebuilt.
    private int[] _starts = [0];

    public static DonorTotalsAnswer For(LedgerDatabase database) => Ledgers.GetOrAdd(database.Path, _ => new DonorTotalsAnswer());

    /// <summary>Forgets every kept answer, as a new process starts without them (for measuring).</summary>
    public static void ForgetAll() => Ledgers.Clear();

    /// <summary>Givers <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> as a JSON array, and how many there are.</summary>
    public (ReadOnlyMemory<byte> Json, int Groups) Page(LedgerDatabase database, int offset, int limit)
    {
        lock (_lock)
        {
            var body = Body(database);
            var count = _starts.Length - 1;
            var first = Math.Clamp(offset, 0, count);
            var last = Math.Clamp(first + Math.Max(limit, 0), first, count);
            if (first == last) return ("[]"u8.ToArray(), count);
            // From the first object to the end of the last, without the comma after it.
            var page = new byte[_starts[last] - _starts[first] - 1 + 2];
            page[0] = (byte)'[';
            body.AsSpan(_starts[first], page.Length - 2).CopyTo(page.AsSpan(1));
            page[^1] = (byte)']';
            return (page, count);
        }
    }

    public byte[] Body(LedgerDatabase database)
    {
        var revision = database.Revision();
        lock (_lock)
        {
            if (revision == _revision) return _body;
            using var connection = database.Connect();
            // One snapshot for the revision, the log and the rows: a write in between cannot be half seen.
            using var transaction = database.Store.BeginSnapshot(connection);
            var (current, changesFrom) = connection.QuerySingle<(long, long)>("SELECT revision, changes_from FROM ledger_state", transaction: transaction);
            if (_revision >= 0 && _revision >= changesFrom)
                Patch(connection, transaction, connection.Query<long>(
                    "SELECT DISTINCT donor_id FROM donor_totals_changes WHERE revision > @_revision", new { _revision }, transaction).ToList());
            else
                Load(DonorTotals.ReadKept(connection, transaction));
            _revision = current;
            _body = Concatenate();
            return _body;
        }
    }

    private void Load(List<DonorTotals.Kept> givers)
    {
        givers.Sort(DonorTotals.Order);
        _givers = givers;
        _byDonor = givers.ToDictionary(g => g.DonorId);
    }

    private void Patch(DbConnection connection, DbTransaction transaction, List<long> changed)
    {
        if (changed.Count > _givers.Count / 4)
        {
            Load(DonorTotals.ReadKept(connection, transaction));
            return;
        }
        foreach (var donor in changed)
        {
            if (!_byDonor.Remove(donor, out var old)) continue;
            var at = _givers.BinarySearch(old, DonorTotals.Order);
            if (at < 0)
            {
                Load(DonorTotals.ReadKept(connection, transaction));
                return;
            }
            _givers.RemoveAt(at);
        }
        foreach (var giver in DonorTotals.ReadKept(connection, transaction, changed))
        {
            var at = _givers.BinarySearch(giver, DonorTotals.Order);
            _givers.Insert(at < 0 ? ~at : at, giver);
            _byDonor[giver.DonorId] = giver;
        }
    }

    private byte[] Concatenate()
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
        return body;
    }
}
