using System.Globalization;

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
}
