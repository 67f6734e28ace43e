using Ledger.Api.Http;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Endpoints;

/// <summary>
/// What a filter names by id or by the name people use, resolved to one thing or to a problem that
/// says why not: an unknown one is a 404, never an empty list.
/// </summary>
internal static class FilterNames
{
    public readonly record struct Resolved(long? Id, ProblemHttpResult? Unknown = null, ValidationProblem? Ambiguous = null);

    private const int Candidates = 10;

    /// <summary>
    /// An organization by its id or a name it is known by (吴庆和, an alias, a part of a name); a name
    /// several organizations answer to is a 400 that lists them.
    /// </summary>
    public static Resolved Organization(string field, string? value, Organizations organizations)
    {
        if (string.IsNullOrWhiteSpace(value)) return new Resolved(null);
        value = value.Trim();
        if (long.TryParse(value, out var id))
            return organizations.ById(id) is not null ? new Resolved(id) : new Resolved(null, Problems.NotFound($"There is no organization {id} ({field})."));
        if (organizations.Named(value) is { } named) return new Resolved(named.Id);
        var found = organizations.Search(value, limit: Candidates + 1);
        return found.Count switch
        {
            0 => new Resolved(null, Problems.NotFound($"No organization is known as '{value}' ({field}).")),
            1 => new Resolved(found[0].Id),
            _ => new Resolved(null, Ambiguous: Problems.Invalid(field,
                $"'{value}' names {(found.Count > Candidates ? $"more than {Candidates}" : found.Count.ToString())} organizations; give one's id: "
                + string.Join("; ", found.Take(Candidates).Select(o => $"{o.Id} {o.Name}")) + ".")),
        };
    }

    /// <summary>
    /// A document named in a filter by its id or its name: its name, or a 404 problem. A filter on
    /// a document that does not exist answers nothing found, never an empty list.
    /// </summary>
    public static (string? Name, ProblemHttpResult? Unknown) Document(string? value, Sources sources)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        value = value.Trim();
        if (sources.Named(value) is { } named) return (named.Name, null);
        if (long.TryParse(value, out var id) && sources.Get(id) is { } document) return (document.Name, null);
        return (null, Problems.NotFound($"There is no document '{value}' (document)."));
    }

    /// <summary>
    /// Resolves the document of every read filter of the endpoints it is put on (totals, charts,
    /// supplies) before they run: by id or name, an unknown one answered with a 404 problem.
    /// </summary>
    public static TBuilder ResolvesDocuments<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var filter in context.Arguments.OfType<ReadFilter>())
            {
                var (name, unknown) = Document(filter.Document, context.HttpContext.RequestServices.GetRequiredService<Sources>());
                if (unknown is not null) return unknown;
                filter.Document = name;
            }
            return await next(context);
        });
        return builder;
    }
}
