using Ledger.Extraction;
using Ledger.Storage;

namespace Ledger.Api.Http;

/// <summary>
/// Reads carry an ETag made of the ledger's revision (every write raises it) and the extractor
/// version; a request whose If-None-Match names the current tag gets 304 without the query running.
/// </summary>
internal static class ETags
{
    public static TBuilder WithETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var tag = $"\"{http.RequestServices.GetRequiredService<LedgerDatabase>().Revision()}-{DonationExtractor.Version}\"";
            http.Response.Headers.ETag = tag;
            http.Response.Headers.CacheControl = "no-cache";
            foreach (var candidate in http.Request.Headers.IfNoneMatch)
            {
                if (candidate is not null && candidate.Split(',').Any(c => Opaque(c.Trim()) == tag || c.Trim() == "*"))
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            return await next(context);
        });
        return builder;
    }

    // If-None-Match compares weakly (RFC 9110, 13.1.2): W/"6-0.2.0" matches "6-0.2.0".
    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
