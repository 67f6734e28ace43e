using System.Globalization;
using System.Text;
using Ledger.Api.Http;
using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

/// <summary>Goods given to one group: quantities per category and unit.</summary>
/// <param name="Key">The group: a category, a receiver's id or a month (yyyy-MM).</param>
/// <param name="Name">The group's display name.</param>
/// <param name="Items">Quantities per category and unit, each with how exact it is and how many donations it comes from.</param>
/// <param name="SharedAmong">Set on goods given to several receivers at once with no split: the receivers, who hold them together.</param>
public sealed record SupplyGroup(string Key, string Name, IReadOnlyList<ItemTotal> Items, IReadOnlyList<GroupMember>? SharedAmong = null);

internal static class SuppliesEndpoints
{
    private static readonly Dictionary<string, TotalsGroup> Groupings = new()
    {
        ["category"] = TotalsGroup.Category,
        ["recipient"] = TotalsGroup.Recipient,
        ["month"] = TotalsGroup.Month,
    };

    public static RouteGroupBuilder MapSupplies(this RouteGroupBuilder group)
    {
        group.WithTags("Supplies").WithETag().KeptPerRevision().ResolvesNames().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", GetSupplies).WithName("GetSupplies")
            .WithSummary("Quantities of goods per category and unit: overall, per receiver, or per month")
            .WithDescription("Only itemised gifts count; quantities in different units (只, 箱, 套) are never added together.");
        return group;
    }

    /// <summary>Goods given, grouped by category, receiver or month.</summary>
    /// <param name="by">category (default), recipient or month.</param>
    /// <param name="filter">Which gifts count.</param>
    /// <param name="format">json (default) or csv: one row a group, category and unit.</param>
    /// <param name="totals">The ledger's totals.</param>
    public static Results<Ok<List<SupplyGroup>>, ContentHttpResult, ValidationProblem> GetSupplies([FromQuery] string? by, [AsParameters] ReadFilter filter,
        [FromQuery] string? format, Totals totals)
    {
        var errors = filter.Errors();
        by ??= "category";
        if (!Groupings.TryGetValue(by, out var grouping))
            errors["by"] = [$"'{by}' is not a grouping of supplies; one of {string.Join(", ", Groupings.Keys)}."];
        ReadFormats.TryParse(format, out var shape, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Quantities belong to one category each; by receiver, goods given to several at once stay in their shared group.
        var groups = grouping == TotalsGroup.Category
            ? totals.Supplies(filter.ToTotalsFilter()).GroupBy(i => i.Category).Select(g => new SupplyGroup(g.Key, g.Key, g.ToList()))
            : totals.By(grouping, filter.ToTotalsFilter()).Where(row => row.Items.Count > 0)
                .Select(row => new SupplyGroup(row.Key, row.Name, row.Items, row.SharedAmong));
        var ordered = (grouping == TotalsGroup.Month ? groups.OrderBy(g => g.Key, StringComparer.Ordinal) : groups).ToList();
        return shape == ReadFormat.Json ? TypedResults.Ok(ordered) : TypedResults.Text(Csv(ordered), ReadFormats.Csv);
    }

    private static string Csv(List<SupplyGroup> groups)
    {
        var csv = new StringBuilder("key,name,category,unit,quantity,qualifier,donations\n");
        foreach (var group in groups)
            foreach (var item in group.Items)
                csv.Append(TotalsFormat.CsvCell(group.Key)).Append(',').Append(TotalsFormat.CsvCell(group.Name)).Append(',')
                    .Append(TotalsFormat.CsvCell(item.Category)).Append(',').Append(TotalsFormat.CsvCell(item.Unit)).Append(',')
                    .Append(item.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Vocabulary.Snake(item.Qualifier)).Append(',')
                    .Append(item.Donations).Append('\n');
        return csv.ToString();
    }
}
