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
            "SELECT coalesce(sum(cash_fen), 0) + coalesce(sum(goods_fen), 0) FROM donations WHERE donor_id = @_busiestGiver AND sources > 0 AND aggregate = 0",
            new { _busiestGiver });
    }

    [Benchmark(Description = "totals by donor, all givers")]
    public int AllGivers() => _totals.By(TotalsGroup.Donor).Count;

    [Benchmark(Description = "totals by donor, all givers, as JSON, first read after a write")]
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
        return connection.Query<(long, long?, long?, long)>("""
            SELECT donor_id, sum(cash_fen), sum(goods_fen), count(*) FROM donations
            WHERE sources > 0 AND aggregate = 0 GROUP BY donor_id
            """).Count();
    }
}
