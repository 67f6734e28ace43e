using Dapper;
using Ledger.Domain;

namespace Ledger.Storage;

/// <summary>
/// The kept answer of totals by donor (<see cref="KeptTotals"/>) of each ledger this process reads,
/// brought up to date at the first read after a write: the givers that write changed (from the
/// change log) are read and put in their place. Only when the log no longer reaches back to the
/// kept revision is every giver read again.
/// </summary>
internal sealed class DonorTotalsAnswer
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DonorTotalsAnswer> Ledgers = new();

    private readonly Lock _lock = new();
    private long _revision = -1;
    private readonly KeptTotals _kept = new();

    public static DonorTotalsAnswer For(LedgerDatabase database) => Ledgers.GetOrAdd(database.Path, _ => new DonorTotalsAnswer());

    /// <summary>Forgets every kept answer, as a new process starts without them (for measuring).</summary>
    public static void ForgetAll() => Ledgers.Clear();

    /// <summary>Givers <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> as a JSON array, and how many there are.</summary>
    public (ReadOnlyMemory<byte> Json, int Groups) Page(LedgerDatabase database, int offset, int limit)
    {
        lock (_lock)
        {
            Body(database);
            return _kept.Page(offset, limit);
        }
    }

    public byte[] Body(LedgerDatabase database)
    {
        var revision = database.Revision();
        lock (_lock)
        {
            if (revision == _revision) return _kept.Body;
            using var connection = database.Connect();
            // One snapshot for the revision, the log and the rows: a write in between cannot be half seen.
            using var transaction = database.Store.BeginSnapshot(connection);
            var (current, changesFrom) = connection.QuerySingle<(long, long)>("SELECT revision, changes_from FROM ledger_state", transaction: transaction);
            var patched = _revision >= 0 && _revision >= changesFrom && _kept.TryPatch(
                connection.Query<long>("SELECT DISTINCT donor_id FROM donor_totals_changes WHERE revision > @_revision", new { _revision }, transaction).ToList(),
                changed => DonorTotals.ReadKept(connection, transaction, changed));
            if (!patched) _kept.Load(DonorTotals.ReadKept(connection, transaction));
            _revision = current;
            return _kept.Body;
        }
    }
}
