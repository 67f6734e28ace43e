using Ledger.Extraction;

namespace Ledger.Api.Http;

/// <summary>
/// Reads carry an ETag made of the ledger's revision (every write raises it) and the extractor
/// version; a request whose If-None-Match names the current tag gets 304 without the query running.
/// </summary>
internal static class ETags
{
    /// <summary>Marks the endpoints that answer with an ETag.</summary>
    internal sealed record ETagMark;

    public static TBuilder WithETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ETagMark());
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var tag = Tag(KeptAnswers.Revision(http));
            http.Response.Headers.ETag = tag;
            http.Response.Headers.CacheControl = "no-cache";
            if (Matches(http.Request, tag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            return await next(context);
        });
        return builder;
    }

    /// <summary>The ETag of the answers at a revision.</summary>
    public static string Tag(long revision) => $"\"{revision}-{DonationExtractor.Version}\"";

    /// <summary>Whether the request's If-None-Match names the tag (or is *).</summary>
    public static bool Matches(HttpRequest request, string tag)
    {
        foreach (var candidate in request.Headers.IfNoneMatch)
        {
            if (candidate is not null && candidate.Split(',').Any(c => Opaque(c.Trim()) == tag || c.Trim() == "*"))
                return true;
        }
        return false;
    }

    // If-None-Match compares weakly (RFC 9110, 13.1.2): W/"6-0.2.0" matches "6-0.2.0".
    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
