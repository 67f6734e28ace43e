using BenchmarkDotNet.Attributes;
using Dapper;
using Ledger.Storage;

namespace Ledger.Benchmarks;

/// <summary>
/// Totals over a generated ledger of a million donations, each beside the same question asked as
/// plain SQL over the same file.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private LedgerDatabase _database = null!;
    private Totals _totals = null!;
    private long _busiestGiver;

    [GlobalSetup]
    public void Open()
    {
        _database = GeneratedLedger.Open();
        _totals = new Totals(_database);
        using var connection = _database.Connect();
        _busiestGiver = connection.ExecuteScalar<long>("SELECT donor_id FROM donations GROUP BY donor_id ORDER BY count(*) DESC LIMIT 1");
    }

    [Benchmark(Description = "one giver's totals (kept)")]
    public int OneGiver() => _totals.By(TotalsGroup.Donor, new TotalsFilter { Organization = _busiestGiver }).Count;

    [Benchmark(Description = "one giver's totals, plain SQL")]
    public long OneGiverPlainSql()
    {
        using var connection = _database.Connect();
        return connection.ExecuteScalar<long>(
            "SELECT coalesce(sum(cash_fen), 0) + coalesce(sum(goods_fen), 0) + coalesce(sum(combined_fen), 0) FROM donations WHERE donor_id = @_busiestGiver AND sources > 0 AND aggregate = 0",
            new { _busiestGiver });
    }

    [Benchmark(Description = "totals by donor, all givers")]
    public int AllGivers() => _totals.By(TotalsGroup.Donor).Count;

    [Benchmark(Description = "totals by donor, all givers, as JSON, first read in a new process")]
    public long AllGiversJsonFirstRead()
    {
        Totals.ForgetAnswers();
        return AllGiversJson();
    }

    [Benchmark(Description = "totals by donor, all givers, as JSON")]
    public long AllGiversJson()
    {
        var output = new CountingStream();
        _totals.WriteJson(output, TotalsGroup.Donor);
        return output.Length;
    }

    // Counts what is written, as a response body would receive it, without keeping it.
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void WriteByte(byte value) => _length++;
    }

    [Benchmark(Description = "totals by donor, plain SQL GROUP BY")]
    public int AllGiversPlainSql()
    {
        using var connection = _database.Connect();
        return connection.Query<(long, long?, long?, long?, long)>("""
            SELECT donor_id, sum(cash_fen), sum(goods_fen), sum(combined_fen), count(*) FROM donations
            WHERE sources > 0 AND aggregate = 0 GROUP BY donor_id
            """).Count();
    }
}

/// <summary>
/// The first read of totals by donor after a write: before each read, a correction of one donation
/// (restating its figure, so the ledger's totals stay as generated) raises the revision and changes
/// one giver, as a real write does.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class TotalsAfterWriteBenchmarks
{
    private LedgerDatabase _database = null!;
    private Totals _totals = null!;
    private Corrections _corrections = null!;
    private (long Id, long CashFen)[] _gifts = [];
    private int _next;

    [GlobalSetup]
    public void Open()
    {
        _database = GeneratedLedger.Open();
        _totals = new Totals(_database);
        _corrections = new Corrections(_database);
        using var connection = _database.Connect();
        // Gifts whose figure no one else corrected (the generated ledger has corrections of its own): restating it changes nothing.
        _gifts = connection.Query<(long, long)>("""
            SELECT id, cash_fen FROM donations d
            WHERE cash_fen IS NOT NULL AND aggregate = 0 AND sources > 0
              AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.donation_id = d.id AND c.who <> 'benchmark')
            ORDER BY id LIMIT 1000
            """).ToArray();
        _totals.Utf8Json(TotalsGroup.Donor);
    }

    [IterationSetup]
    public void Write()
    {
        var (id, fen) = _gifts[_next++ % _gifts.Length];
        _corrections.Add(id, "cash", fen / 100m, "benchmark", "restates the generated figure");
    }

    [Benchmark(Description = "totals by donor, all givers, as JSON, first read after a write")]
    public int FirstReadAfterWrite() => _totals.Utf8Json(TotalsGroup.Donor).Length;
}
