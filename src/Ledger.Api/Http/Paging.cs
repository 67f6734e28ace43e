using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Http;

/// <summary>
/// Lists that are read whole page the same way: offset and limit, a documented maximum, and the
/// X-Total-Count header saying how many there are in all.
/// </summary>
internal static class Paging
{
    public static void Check(Dictionary<string, string[]> errors, int? offset, int? limit, int maximum)
    {
        if (offset is < 0) errors["offset"] = ["offset is 0 or more."];
        if (limit is < 1 || limit > maximum) errors["limit"] = [$"limit is between 1 and {maximum}."];
    }

    /// <summary>One page of <paramref name="all"/>; <paramref name="maximum"/> items when no limit is given.</summary>
    public static IReadOnlyList<T> Page<T>(HttpContext http, IReadOnlyList<T> all, int? offset, int? limit, int maximum)
    {
        http.Response.Headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
        return all.Skip(offset ?? 0).Take(limit ?? maximum).ToList();
    }

    /// <summary>A page of <paramref name="all"/> as an answer, or the problem with the page asked for.</summary>
    public static Results<Ok<IReadOnlyList<T>>, ValidationProblem> Answer<T>(HttpContext http, PageQuery page, Func<IReadOnlyList<T>> all, int maximum)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, page.Offset, page.Limit, maximum);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(Page(http, all(), page.Offset, page.Limit, maximum));
    }
}

/// <summary>Which page of a list: offset and limit.</summary>
public sealed class PageQuery
{
    /// <summary>How many to pass over first (default 0).</summary>
    [FromQuery(Name = "offset")] public int? Offset { get; set; }

    /// <summary>How many to give (at most 1000, the default). The X-Total-Count header says how many there are in all.</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; set; }
}
