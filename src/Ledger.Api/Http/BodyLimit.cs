using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Http;

/// <summary>
/// Refuses a body over <see cref="LedgerSettings.MaxBodyBytes"/> with 413: at once when its length is
/// declared, else as soon as reading passes the limit. Kestrel has the same limit; this one also
/// holds behind other servers and in tests.
/// </summary>
internal sealed class BodyLimit(RequestDelegate next, IOptionsMonitor<LedgerSettings> settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = settings.CurrentValue.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large",
                $"The body has {context.Request.ContentLength} bytes; this ledger takes at most {limit}.");
            return;
        }
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false && context.Request.ContentLength is null)
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        await next(context);
    }

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit) throw new BadHttpRequestException($"The body is longer than the {limit} bytes this ledger takes.", StatusCodes.Status413PayloadTooLarge);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
