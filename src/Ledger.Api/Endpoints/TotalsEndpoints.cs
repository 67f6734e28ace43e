using Ledger.Domain;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ledger.Api.Http;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

internal static class TotalsEndpoints
{
    public static RouteGroupBuilder MapTotals(this RouteGroupBuilder group)
    {
        group.WithTags("Totals").WithETag().KeptPerRevision().ResolvesNames().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", GetTotals).WithName("GetTotals")
            .WithSummary("Totals grouped by donor, recipient, donor kind, category, month or document")
            .WithDescription("The same objects as `ledger totals --by … --format json`: cash, goods value and combined figures kept apart, reported totals (累计, 共…) beside the gifts and never added to them, each sum with its qualifier, item quantities per category and unit. Ordered by value given, largest first.")
            .Produces<TotalsRow[]>(StatusCodes.Status200OK, "application/json", ReadFormats.Csv);
        return group;
    }

    /// <summary>Totals of the ledger's donations, grouped.</summary>
    /// <param name="by">donor, recipient, donor-kind, category, month or document.</param>
    /// <param name="filter">Which gifts count.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <param name="offset">Groups to skip (with limit: a page, in the same order).</param>
    /// <param name="limit">Groups to give (1–10000); all when left out. The X-Total-Count header says how many there are.</param>
    /// <param name="totals">The ledger's totals.</param>
    /// <param name="http">The request, for the encodings it accepts.</param>
    public static Results<FileContentHttpResult, ContentHttpResult, ValidationProblem> GetTotals(
        [FromQuery] string? by, [AsParameters] ReadFilter filter, [FromQuery] string? format, [FromQuery] int? offset, [FromQuery] int? limit,
        Totals totals, HttpContext http)
    {
        var errors = filter.Errors();
        by ??= "donor";
        if (!TotalsGroups.ByName.TryGetValue(by, out var grouping))
            errors["by"] = [$"'{by}' is not a grouping; one of {string.Join(", ", TotalsGroups.ByName.Keys)}."];
        ReadFormats.TryParse(format, out var shape, errors);
        if (offset is < 0) errors["offset"] = ["offset is 0 or more."];
        if (limit is < 1 or > MaximumLimit) errors["limit"] = [$"limit is between 1 and {MaximumLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (shape == ReadFormat.Csv)
        {
            var rows = totals.By(grouping, filter.ToTotalsFilter());
            http.Response.Headers["X-Total-Count"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Text(TotalsFormat.Csv(rows.Skip(offset ?? 0).Take(limit ?? int.MaxValue).ToList()), ReadFormats.Csv);
        }
        ReadOnlyMemory<byte> json;
        if (offset is null && limit is null) json = totals.Utf8Json(grouping, filter.ToTotalsFilter());
        else
        {
            (json, var groups) = totals.Utf8JsonPage(grouping, filter.ToTotalsFilter(), offset ?? 0, limit ?? int.MaxValue);
            http.Response.Headers["X-Total-Count"] = groups.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        http.Response.Headers.Vary = "Accept-Encoding";
        if (json.Length >= CompressFrom && AcceptsGzip(http.Request))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(Gzipped(json), "application/json");
        }
        return TypedResults.Bytes(json, "application/json");
    }

    private const int MaximumLimit = 10_000;

    // Totals by donor over a large ledger run to tens of megabytes, a sixth of that gzipped.
    internal const int CompressFrom = 64 * 1024;

    // The answer kept until the next write is compressed once: the table holds the gzip beside the kept bytes
    // and lets it go with them.
    private static readonly ConditionalWeakTable<byte[], Lazy<byte[]>> KeptGzip = new();

    private static byte[] Gzipped(ReadOnlyMemory<byte> json) =>
        MemoryMarshal.TryGetArray(json, out var whole) && whole is { Array: { } array, Offset: 0 } && whole.Count == array.Length
            ? KeptGzip.GetValue(array, kept => new Lazy<byte[]>(() => Compress(kept))).Value
            : Compress(json);

    internal static byte[] Compress(ReadOnlyMemory<byte> json)
    {
        using var buffer = new MemoryStream(json.Length / 8);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(json.Span);
        return buffer.ToArray();
    }

    internal static bool AcceptsGzip(HttpRequest request) =>
        Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings)
        && codings.Any(c => c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (c.Quality ?? 1) > 0);
}
