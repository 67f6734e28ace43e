using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Http;

/// <summary>
/// Answers kept until the next write: a chart or a supply table asked again at the same revision of
/// the ledger, with the same query, is the bytes written the first time, not the query run again.
/// Every write raises the revision, so a kept answer is never stale.
/// </summary>
internal static class KeptAnswers
{
    // Distinct questions kept at once; past that the oldest revision's answers are let go together.
    private const int MostKept = 512;

    private sealed record Kept(byte[] Body, string ContentType);

    private static readonly ConcurrentDictionary<(string Ledger, long Revision, string Question), Kept> Answers = new();

    public static TBuilder KeptPerRevision<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var ledger = http.RequestServices.GetRequiredService<LedgerDatabase>();
            var key = (ledger.Path, ledger.Revision(), http.Request.Path + http.Request.QueryString);
            if (Answers.TryGetValue(key, out var kept)) return TypedResults.Bytes(kept.Body, kept.ContentType);
            var answer = await next(context);
            var written = answer switch
            {
                IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } => new Kept(
                    JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions),
                    "application/json; charset=utf-8"),
                ContentHttpResult { StatusCode: null or StatusCodes.Status200OK, ResponseContent: { } text } content =>
                    new Kept(Encoding.UTF8.GetBytes(text), content.ContentType ?? "text/plain; charset=utf-8"),
                _ => null,
            };
            if (written is null) return answer;
            if (Answers.Count >= MostKept) Answers.Clear();
            Answers[key] = written;
            return TypedResults.Bytes(written.Body, written.ContentType);
        });
        return builder;
    }
}
