using System.Globalization;
using System.Text;
using Ledger.Api.Http;
using Ledger.Domain;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

/// <summary>One series of a chart: a value for each label, and how exact each value is.</summary>
/// <param name="Name">What the series counts (cash, goods_value, combined, donations, quantity).</param>
/// <param name="Unit">yuan, or donations, or the goods' measure words.</param>
/// <param name="Data">One value per label; null where the label has none.</param>
/// <param name="Qualifiers">One per value: exact, at_least, at_most or about (null where the value is).</param>
public sealed record ChartSeries(string Name, string Unit, IReadOnlyList<decimal?> Data, IReadOnlyList<Qualifier?> Qualifiers);

/// <summary>A chart as labels and series, the shape bar and line charts take.</summary>
/// <param name="Title">What the chart shows.</param>
/// <param name="Labels">The categories along the axis.</param>
/// <param name="Keys">For each label, the key to ask the API about it (an organization's id, a month, a category and unit).</param>
/// <param name="Series">The values.</param>
public sealed record SeriesChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<string> Keys, IReadOnlyList<ChartSeries> Series);

/// <summary>A giver, a receiver, or a group of receivers sharing gifts, in a flow chart.</summary>
/// <param name="Name">Unique among the nodes: a receiver that also gives is named with "（受赠）"; a shared group is its members' names joined by 、; the givers and the receivers left out of a chart drawn with top_donors or top_recipients are 其他捐赠方 and 其他受赠方.</param>
/// <param name="Side">donor, recipient, shared (receivers of gifts stated for all of them at once, with no split), other_donors or other_recipients (the givers, or the receivers, not drawn by name).</param>
/// <param name="OrganizationId">The organization; null for a shared group, an others node, and gifts whose receiver the reports do not name.</param>
/// <param name="Members">The receivers of a shared group; null on other nodes.</param>
/// <param name="Grouped">How many givers, or receivers (a shared group counting as one), an others node stands for; null on other nodes.</param>
public sealed record FlowNode(string Name, string Side, long? OrganizationId, IReadOnlyList<OrganizationRef>? Members = null, int? Grouped = null);

/// <summary>What went from one giver to one receiver, in yuan.</summary>
public sealed record FlowLink(string Source, string Target, decimal Value, Qualifier Qualifier, int Donations);

/// <summary>Donor → recipient flows as nodes and links, the shape sankey charts take.</summary>
public sealed record FlowChart(string Title, IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowLink> Links);

internal static class ChartsEndpoints
{
    public static RouteGroupBuilder MapCharts(this RouteGroupBuilder group)
    {
        group.WithTags("Charts").WithETag().KeptPerRevision().ResolvesNames().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/timeline", GetTimeline).WithName("GetTimelineChart")
            .WithSummary("Gifts per month: cash, goods value, combined figures (yuan) and donations")
            .WithDescription("A gift without a date of its own counts in its report's publication month. Reported totals are left out.")
            .Produces<SeriesChart>(StatusCodes.Status200OK, "application/json", ReadFormats.Csv);
        group.MapGet("/top-donors", GetTopDonors).WithName("GetTopDonorsChart")
            .WithSummary("The largest givers by value given: cash, goods value and combined figures (yuan)")
            .Produces<SeriesChart>(StatusCodes.Status200OK, "application/json", ReadFormats.Csv);
        group.MapGet("/supplies", GetSupplies).WithName("GetSuppliesChart")
            .WithSummary("Quantities of goods per category and unit")
            .Produces<SeriesChart>(StatusCodes.Status200OK, "application/json", ReadFormats.Csv);
        group.MapGet("/flows", GetFlows).WithName("GetFlowsChart")
            .WithSummary("Donor → recipient flows (yuan) as nodes and links, for a sankey chart")
            .WithDescription("A gift to several receivers with no split stated flows to one shared node of those receivers, never to each and never split, so the flows of a giver add up to what it gave. Reported totals are left out. "
                             + "With top_donors or top_recipients every flow counts: the givers who gave most and the receivers who received most are drawn by name, the others as one node each (其他捐赠方, 其他受赠方), so a chart of a large ledger stays legible and still adds up.")
            .Produces<FlowChart>(StatusCodes.Status200OK, "application/json", ReadFormats.Csv);
        return group;
    }

    /// <summary>Gifts per month.</summary>
    /// <param name="filter">Which gifts count.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <param name="totals">The ledger's totals.</param>
    public static Results<Ok<SeriesChart>, ContentHttpResult, ValidationProblem> GetTimeline([AsParameters] ReadFilter filter, [FromQuery] string? format, Totals totals)
    {
        if (Check(filter, format, out var shape) is { } problem) return problem;
        var months = totals.By(TotalsGroup.Month, filter.ToTotalsFilter())
            .OrderBy(m => m.Key == "unknown" ? 1 : 0).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var chart = new SeriesChart("Gifts per month", months.Select(m => m.Name).ToList(), months.Select(m => m.Key).ToList(), FigureSeries(months)
            .Append(new ChartSeries("donations", "donations", months.Select(m => (decimal?)m.Donations).ToList(), months.Select(_ => (Qualifier?)null).ToList()))
            .ToList());
        return Answer(chart, shape);
    }

    /// <summary>The largest givers.</summary>
    /// <param name="filter">Which gifts count.</param>
    /// <param name="limit">How many givers (1–100, default 10).</param>
    /// <param name="format">json (default) or csv.</param>
    /// <param name="totals">The ledger's totals.</param>
    public static Results<Ok<SeriesChart>, ContentHttpResult, ValidationProblem> GetTopDonors([AsParameters] ReadFilter filter, [FromQuery] int? limit,
        [FromQuery] string? format, Totals totals)
    {
        if (Check(filter, format, out var shape, limit, 100) is { } problem) return problem;
        // Givers of reported totals only come after every giver of gifts: the top of the ranking has the gifts.
        var donors = totals.Top(TotalsGroup.Donor, limit ?? 10, filter.ToTotalsFilter())
            .Where(d => d.Cash is not null || d.GoodsValue is not null || d.Combined is not null).ToList();
        return Answer(new SeriesChart("Top donors", donors.Select(d => d.Name).ToList(), donors.Select(d => d.Key).ToList(), FigureSeries(donors).ToList()), shape);
    }

    /// <summary>Quantities of goods per category and unit.</summary>
    /// <param name="filter">Which gifts count.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <param name="totals">The ledger's totals.</param>
    public static Results<Ok<SeriesChart>, ContentHttpResult, ValidationProblem> GetSupplies([AsParameters] ReadFilter filter, [FromQuery] string? format, Totals totals)
    {
        if (Check(filter, format, out var shape) is { } problem) return problem;
        var items = totals.Supplies(filter.ToTotalsFilter())
            .OrderBy(i => i.Category, StringComparer.Ordinal).ThenByDescending(i => i.Quantity).ToList();
        return Answer(new SeriesChart("Supplies by category and unit",
            items.Select(i => $"{i.Category} ({i.Unit})").ToList(), items.Select(i => $"{i.Category}|{i.Unit}").ToList(),
            [
                new ChartSeries("quantity", "unit of each label", items.Select(i => (decimal?)i.Quantity).ToList(), items.Select(i => (Qualifier?)i.Qualifier).ToList()),
                new ChartSeries("donations", "donations", items.Select(i => (decimal?)i.Donations).ToList(), items.Select(_ => (Qualifier?)null).ToList()),
            ]), shape);
    }

    /// <summary>Donor → recipient flows.</summary>
    /// <param name="filter">Which gifts count.</param>
    /// <param name="limit">How many of the largest flows (1–1000, default 50); not taken with top_donors or top_recipients.</param>
    /// <param name="topDonors">Draw this many givers by name (1–100), those who gave most; every other giver flows from one node, 其他捐赠方.</param>
    /// <param name="topRecipients">Draw this many receivers by name (1–100), those who received most (a shared group counts as one); every other flows into one node, 其他受赠方.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <param name="totals">The ledger's totals.</param>
    public static Results<Ok<FlowChart>, ContentHttpResult, ValidationProblem> GetFlows([AsParameters] ReadFilter filter, [FromQuery] int? limit,
        [FromQuery(Name = "top_donors")] int? topDonors, [FromQuery(Name = "top_recipients")] int? topRecipients, [FromQuery] string? format, Totals totals)
    {
        var problem = Check(filter, format, out var shape, limit, 1000);
        var errors = problem?.ProblemDetails.Errors ?? new Dictionary<string, string[]>();
        if (topDonors is < 1 or > 100) errors["top_donors"] = ["top_donors is between 1 and 100."];
        if (topRecipients is < 1 or > 100) errors["top_recipients"] = ["top_recipients is between 1 and 100."];
        var grouped = topDonors is not null || topRecipients is not null;
        if (grouped && limit is not null) errors["limit"] = ["limit is not taken with top_donors or top_recipients: every flow counts."];
        if (errors.Count > 0) return problem ?? TypedResults.ValidationProblem(errors);

        var chart = grouped
            ? GroupedFlows(totals.Flows(filter.ToTotalsFilter()), topDonors ?? int.MaxValue, topRecipients ?? int.MaxValue)
            : LargestFlows(totals.Flows(filter.ToTotalsFilter()).Take(limit ?? 50).ToList());
        if (shape == ReadFormat.Json) return TypedResults.Ok(chart);
        var csv = new StringBuilder("source,target,value,qualifier,donations\n");
        foreach (var link in chart.Links)
            csv.AppendJoin(',', TotalsFormat.CsvCell(link.Source), TotalsFormat.CsvCell(link.Target), link.Value.ToString(CultureInfo.InvariantCulture),
                Ledger.Domain.Vocabulary.Snake(link.Qualifier), link.Donations.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return TypedResults.Text(csv.ToString(), ReadFormats.Csv);
    }

    /// <summary>The name of the node the givers not drawn by name flow from.</summary>
    public const string OtherDonors = "其他捐赠方";

    /// <summary>The name of the node the receivers not drawn by name stand in.</summary>
    public const string OtherRecipients = "其他受赠方";

    // Each flow as it stands, the largest first.
    private static FlowChart LargestFlows(List<Flow> flows)
    {
        var givers = flows.Select(f => f.Donor.Name).ToHashSet();
        var nodes = flows.Select(f => new FlowNode(f.Donor.Name, "donor", f.Donor.Id))
            .Concat(flows.Select(f => ReceiverNode(f, givers)))
            .DistinctBy(n => n.Name).ToList();
        return new FlowChart("Donor → recipient flows", nodes,
            flows.Select(f => new FlowLink(f.Donor.Name, ReceiverNode(f, givers).Name, f.Yuan, f.Qualifier, f.Donations)).ToList());
    }

    // Every flow, from the givers who gave most and into the receivers who received most; the rest through one others node on each side.
    private static FlowChart GroupedFlows(IReadOnlyList<Flow> flows, int topDonors, int topRecipients)
    {
        static string ReceiverKey(Flow f) => string.Join('+', f.Recipients.Select(r => r.Id));
        var giverRanking = flows.GroupBy(f => f.Donor.Id)
            .Select(g => (Key: g.Key, Yuan: g.Sum(f => f.Yuan), Name: g.First().Donor.Name))
            .OrderByDescending(g => g.Yuan).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var drawnGivers = giverRanking.Take(topDonors).Select(g => g.Key).ToHashSet();
        var givers = flows.Where(f => drawnGivers.Contains(f.Donor.Id)).Select(f => f.Donor.Name).ToHashSet();
        var receiverRanking = flows.GroupBy(ReceiverKey)
            .Select(g => (Key: g.Key, Yuan: g.Sum(f => f.Yuan), Node: ReceiverNode(g.First(), givers)))
            .OrderByDescending(g => g.Yuan).ThenBy(g => g.Node.Name, StringComparer.Ordinal).ToList();
        var drawnReceivers = receiverRanking.Take(topRecipients).Select(g => g.Key).ToHashSet();

        var otherGivers = giverRanking.Count - drawnGivers.Count;
        var otherReceivers = receiverRanking.Count - drawnReceivers.Count;
        var nodes = giverRanking.Where(g => drawnGivers.Contains(g.Key))
            .Select(g => new FlowNode(g.Name, "donor", g.Key))
            .Concat(otherGivers > 0 ? [new FlowNode(OtherDonors, "other_donors", null, Grouped: otherGivers)] : [])
            .Concat(receiverRanking.Where(g => drawnReceivers.Contains(g.Key)).Select(g => g.Node))
            .Concat(otherReceivers > 0 ? [new FlowNode(OtherRecipients, "other_recipients", null, Grouped: otherReceivers)] : [])
            .ToList();
        var links = flows
            .GroupBy(f => (Source: drawnGivers.Contains(f.Donor.Id) ? f.Donor.Name : OtherDonors,
                Target: drawnReceivers.Contains(ReceiverKey(f)) ? ReceiverNode(f, givers).Name : OtherRecipients))
            .Select(g => new FlowLink(g.Key.Source, g.Key.Target, g.Sum(f => f.Yuan), SumQualifier(g.Select(f => f.Qualifier)), g.Sum(f => f.Donations)))
            .OrderByDescending(l => l.Value).ThenBy(l => l.Source, StringComparer.Ordinal).ThenBy(l => l.Target, StringComparer.Ordinal)
            .ToList();
        return new FlowChart("Donor → recipient flows", nodes, links);
    }

    // The receiving end of a flow: its receiver, the group sharing it, or no receiver named. A receiver among the givers is named with （受赠）.
    private static FlowNode ReceiverNode(Flow f, HashSet<string> givers) => f.Recipients switch
    {
        [] => new FlowNode(Totals.NoRecipient, "recipient", null),
        [var one] => new FlowNode(givers.Contains(one.Name) ? one.Name + "（受赠）" : one.Name, "recipient", one.Id),
        var several => new FlowNode(string.Join('、', several.Select(r => r.Name)), "shared", null, several),
    };

    // The qualifier of a sum, as the totals give it: exact when every part is, a bound when the parts are exact or that bound, about otherwise.
    private static Qualifier SumQualifier(IEnumerable<Qualifier> qualifiers)
    {
        var kinds = qualifiers.Where(q => q != Qualifier.Exact).Distinct().ToList();
        return kinds.Count switch { 0 => Qualifier.Exact, 1 => kinds[0], _ => Qualifier.About };
    }

    private static IEnumerable<ChartSeries> FigureSeries(List<TotalsRow> rows) =>
    [
        Series("cash", rows, r => r.Cash),
        Series("goods_value", rows, r => r.GoodsValue),
        Series("combined", rows, r => r.Combined),
    ];

    private static ChartSeries Series(string name, List<TotalsRow> rows, Func<TotalsRow, Sum?> figure) =>
        new(name, "yuan", rows.Select(r => figure(r)?.Yuan).ToList(), rows.Select(r => figure(r)?.Qualifier).ToList());

    private static ValidationProblem? Check(ReadFilter filter, string? format, out ReadFormat shape, int? limit = null, int maximum = 0)
    {
        var errors = filter.Errors();
        ReadFormats.TryParse(format, out shape, errors);
        if (limit is { } n && (n < 1 || n > maximum)) errors["limit"] = [$"limit is between 1 and {maximum}."];
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static Results<Ok<SeriesChart>, ContentHttpResult, ValidationProblem> Answer(SeriesChart chart, ReadFormat shape)
    {
        if (shape == ReadFormat.Json) return TypedResults.Ok(chart);
        // One row a label; a value and its qualifier for each series.
        var csv = new StringBuilder("label,key");
        foreach (var series in chart.Series) csv.Append(',').Append(series.Name).Append(',').Append(series.Name).Append("_qualifier");
        csv.Append('\n');
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            csv.Append(TotalsFormat.CsvCell(chart.Labels[i])).Append(',').Append(TotalsFormat.CsvCell(chart.Keys[i]));
            foreach (var series in chart.Series)
                csv.Append(',').Append(series.Data[i]?.ToString(CultureInfo.InvariantCulture))
                    .Append(',').Append(series.Qualifiers[i] is { } q ? Ledger.Domain.Vocabulary.Snake(q) : "");
            csv.Append('\n');
        }
        return TypedResults.Text(csv.ToString(), ReadFormats.Csv);
    }
}
