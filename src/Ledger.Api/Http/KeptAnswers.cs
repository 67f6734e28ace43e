using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ledger.Api.Http;

/// <summary>
/// Answers kept until the next write: a read asked again at the same revision of the ledger, with the
/// same path and query, is the bytes written the first time, not the query run again. Every write
/// raises the revision, so a kept answer is never stale. Only successful answers are kept: a bad
/// parameter or an unknown name is answered as it was, with its problem, every time.
/// </summary>
/// <remarks>
/// A kept answer is served by <see cref="KeptAnswerServer"/>, before the endpoint's parameters are
/// bound and its filters run (names resolved, the ETag compared): a chart asked again costs the
/// revision and a dictionary look-up, not the work of the framework around the endpoint.
/// </remarks>
internal static class KeptAnswers
{
    // Distinct questions kept at once; past that every answer is let go together.
    private const int MostKept = 512;

    // A larger answer (totals by donor, whole) is kept by the store already; kept here too, it would outlive its revision.
    private const int LargestKept = 1 << 20;

    // The headers of an answer that are part of it; the others (CORS, the ETag) are the request's or set again.
    private static readonly string[] KeptHeaders = ["X-Total-Count", "Vary", "Content-Encoding"];

    internal sealed record Kept(ReadOnlyMemory<byte> Body, string ContentType, KeyValuePair<string, StringValues>[] Headers);

    /// <summary>Marks the endpoints whose answers are kept.</summary>
    internal sealed record KeptMark;

    private static readonly ConcurrentDictionary<(string Ledger, long Revision, string Question), Kept> Answers = new();

    private const string RevisionItem = "Ledger.Revision";

    /// <summary>The revision this request reads at, asked of the ledger once a request.</summary>
    public static long Revision(HttpContext http)
    {
        if (http.Items.TryGetValue(RevisionItem, out var seen) && seen is long revision) return revision;
        revision = http.RequestServices.GetRequiredService<LedgerDatabase>().Revision();
        http.Items[RevisionItem] = revision;
        return revision;
    }

    // The question: path and query, and whether a gzip answer is taken (totals answer large tables gzipped).
    private static (string, long, string) Key(HttpContext http, string ledger, long revision)
    {
        var request = http.Request;
        var question = request.Path.Value + request.QueryString.Value;
        if (request.Headers.AcceptEncoding.Count > 0 && Endpoints.TotalsEndpoints.AcceptsGzip(request)) question += " gzip";
        return (ledger, revision, question);
    }

    internal static bool TryGet(HttpContext http, string ledger, long revision, out Kept kept) =>
        Answers.TryGetValue(Key(http, ledger, revision), out kept!);

    public static TBuilder KeptPerRevision<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new KeptMark());
        // Reached when no answer is kept yet (KeptAnswerServer serves the kept ones): the answer is made, then kept.
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var ledger = http.RequestServices.GetRequiredService<LedgerDatabase>();
            var key = Key(http, ledger.Path, Revision(http));
            var answer = await next(context);
            var result = answer is INestedHttpResult nested ? nested.Result : answer;
            var made = result switch
            {
                IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } => ((ReadOnlyMemory<byte>)
                    JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions),
                    "application/json; charset=utf-8"),
                ContentHttpResult { StatusCode: null or StatusCodes.Status200OK, ResponseContent: { } text } content =>
                    (Encoding.UTF8.GetBytes(text), content.ContentType ?? "text/plain; charset=utf-8"),
                FileContentHttpResult { FileContents: var bytes } file => (bytes, file.ContentType),
                _ => ((ReadOnlyMemory<byte> Body, string ContentType)?)null,
            };
            if (made is not { } written) return answer;
            // A large answer (an organization's page, a page of totals) goes gzipped to a client that takes it, compressed once a revision.
            if (written.Body.Length >= Endpoints.TotalsEndpoints.CompressFrom && !http.Response.Headers.ContainsKey("Content-Encoding"))
            {
                http.Response.Headers.Vary = "Accept-Encoding";
                if (Endpoints.TotalsEndpoints.AcceptsGzip(http.Request))
                {
                    http.Response.Headers.ContentEncoding = "gzip";
                    written = (Endpoints.TotalsEndpoints.Compress(written.Body), written.ContentType);
                }
            }
            if (written.Body.Length <= LargestKept)
            {
                if (Answers.Count >= MostKept) Answers.Clear();
                var headers = KeptHeaders.Where(h => http.Response.Headers.ContainsKey(h))
                    .Select(h => KeyValuePair.Create(h, http.Response.Headers[h])).ToArray();
                Answers[key] = new Kept(written.Body, written.ContentType, headers);
            }
            return TypedResults.Bytes(written.Body, written.ContentType);
        });
        return builder;
    }
}

/// <summary>
/// Serves a kept answer (see <see cref="KeptAnswers"/>) before the endpoint's binding and filters:
/// with its ETag, and 304 when the request's If-None-Match names it.
/// </summary>
internal sealed class KeptAnswerServer(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<KeptAnswers.KeptMark>() is null)
            return next(context);
        var ledger = context.RequestServices.GetRequiredService<LedgerDatabase>();
        var revision = KeptAnswers.Revision(context);
        if (!KeptAnswers.TryGet(context, ledger.Path, revision, out var kept)) return next(context);
        var response = context.Response;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ETags.ETagMark>() is not null)
        {
            var tag = ETags.Tag(revision);
            response.Headers.ETag = tag;
            response.Headers.CacheControl = "no-cache";
            if (ETags.Matches(context.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }
        foreach (var (name, value) in kept.Headers) response.Headers[name] = value;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = kept.ContentType;
        response.ContentLength = kept.Body.Length;
        return response.Body.WriteAsync(kept.Body).AsTask();
    }
}
