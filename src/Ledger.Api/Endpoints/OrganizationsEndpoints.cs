using Ledger.Api.Http;
using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

internal static class OrganizationsEndpoints
{
    public static RouteGroupBuilder MapOrganizations(this RouteGroupBuilder group)
    {
        group.WithTags("Organizations").WithETag();
        group.MapGet("/", SearchOrganizations).WithName("SearchOrganizations")
            .WithSummary("Organizations whose name or any alias contains the words, most mentioned first");
        group.MapGet("/{organization}", GetOrganization).WithName("GetOrganization").KeptPerRevision()
            .WithSummary("One organization by id or name: its names, totals given and received, each gift with its figures, receivers and sentence, reported totals beside them")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/mentions", GetMentions).WithName("GetOrganizationMentions")
            .WithSummary("Every record that names the organization, as giver, receiver or channel, with its sentence")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Searches organizations by name or alias.</summary>
    /// <param name="q">Words in the name or an alias (哈医大, 红十字会); all organizations when left out.</param>
    /// <param name="kind">Only organizations of this kind.</param>
    /// <param name="limit">How many (1–500, default 50). The X-Total-Count header says how many match in all.</param>
    /// <param name="offset">How many to pass over first (default 0).</param>
    /// <param name="http">The request, for the count header.</param>
    /// <param name="organizations">The ledger's organizations.</param>
    public static Results<Ok<IReadOnlyList<OrganizationRef>>, ValidationProblem> SearchOrganizations(
        [FromQuery] string? q, [FromQuery] string? kind, [FromQuery] int? limit, [FromQuery] int? offset, HttpContext http, Organizations organizations)
    {
        var errors = new Dictionary<string, string[]>();
        Words.Check(errors, "kind", kind, Words.DonorKind, Vocabulary.DonorKinds);
        Paging.Check(errors, offset, limit, Organizations.MaximumLimit);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        http.Response.Headers["X-Total-Count"] = organizations.Count(q, kind).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(organizations.Search(q, kind, limit ?? 50, offset ?? 0));
    }

    /// <summary>
    /// One organization, answering "how much did X give, to whom, and where does each figure come
    /// from" in one call.
    /// </summary>
    /// <param name="organization">Its id, or a name or alias it is known by (吴庆和).</param>
    /// <param name="organizations">The ledger's organizations.</param>
    /// <param name="totals">The ledger's totals.</param>
    /// <param name="donations">The ledger's donations.</param>
    public static Results<Ok<OrganizationView>, ValidationProblem, ProblemHttpResult> GetOrganization(string organization, Organizations organizations, Totals totals,
        Donations donations)
    {
        var resolved = FilterNames.Organization("organization", organization, organizations);
        if (resolved.Unknown is { } unknown) return unknown;
        if (resolved.Ambiguous is { } ambiguous) return ambiguous;
        // A blank name is no filter elsewhere; here it names no one.
        if (resolved.Id is not { } id) return Problems.NotFound($"No organization is known as '{organization}'.");
        return OrganizationView.Of(id, organizations, totals, donations) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"There is no organization {id}.");
    }

    /// <summary>Every mention of an organization, a page at a time.</summary>
    /// <param name="id">The organization's id.</param>
    /// <param name="page">Which page (at most 1000 mentions).</param>
    /// <param name="organizations">The ledger's organizations.</param>
    /// <param name="http">The request, for the count header.</param>
    public static Results<Ok<IReadOnlyList<Mention>>, ValidationProblem, ProblemHttpResult> GetMentions(long id, [AsParameters] PageQuery page,
        Organizations organizations, HttpContext http)
    {
        if (organizations.ById(id) is null) return Problems.NotFound($"There is no organization {id}.");
        var errors = new Dictionary<string, string[]>();
        Paging.Check(errors, page.Offset, page.Limit, MaximumMentions);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(Paging.Page(http, organizations.Mentions(id), page.Offset, page.Limit, MaximumMentions));
    }

    private const int MaximumMentions = 1000;
}
