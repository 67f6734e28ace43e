using Ledger.Api.Http;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

internal static class TotalsEndpoints
{
    public static RouteGroupBuilder MapTotals(this RouteGroupBuilder group)
    {
        group.WithTags("Totals").WithETag();
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
    /// <param name="totals">The ledger's totals.</param>
    public static Results<FileContentHttpResult, ContentHttpResult, ValidationProblem> GetTotals(
        [FromQuery] string? by, [AsParameters] ReadFilter filter, [FromQuery] string? format, Totals totals)
    {
        var errors = filter.Errors();
        by ??= "donor";
        if (!TotalsGroups.ByName.TryGetValue(by, out var grouping))
            errors["by"] = [$"'{by}' is not a grouping; one of {string.Join(", ", TotalsGroups.ByName.Keys)}."];
        ReadFormats.TryParse(format, out var shape, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return shape == ReadFormat.Csv
            ? TypedResults.Text(TotalsFormat.Csv(totals.By(grouping, filter.ToTotalsFilter())), ReadFormats.Csv)
            : TypedResults.Bytes(totals.Utf8Json(grouping, filter.ToTotalsFilter()), "application/json");
    }
}
