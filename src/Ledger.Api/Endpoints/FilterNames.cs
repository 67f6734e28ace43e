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

    /// <summary>
    /// An organization by its id or a name it is known by (吴庆和, an alias, a part of a name); a name
    /// several organizations answer to is a 400 that lists them.
    /// </summary>
    public static Resolved Organization(string field, string? value, Organizations organizations)
    {
        if (string.IsNullOrWhiteSpace(value)) return new Resolved(null);
        return organizations.Find(value) switch
        {
            NamedOrganization.Found found => new Resolved(found.Id),
            NamedOrganization.Several several => new Resolved(null, Ambiguous: Problems.Invalid(field, several.ToString())),
            NamedOrganization.Unknown { Name: var name } => new Resolved(null, Problems.NotFound(long.TryParse(name, out var id)
                ? $"There is no organization {id} ({field})." : $"No organization is known as '{name}' ({field}).")),
            var other => throw new InvalidOperationException($"unexpected {other}"),
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
    /// Resolves what every read filter of the endpoints it is put on (totals, charts, supplies) names
    /// before they run: the document, the giver and the receiver, by id or name; an unknown one is
    /// answered with a 404 problem, a name of several with a 400 listing them.
    /// </summary>
    public static TBuilder ResolvesNames<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            foreach (var filter in context.Arguments.OfType<ReadFilter>())
            {
                var (name, unknown) = Document(filter.Document, services.GetRequiredService<Sources>());
                if (unknown is not null) return unknown;
                filter.Document = name;
                var organizations = services.GetRequiredService<Organizations>();
                var donor = Organization("donor", filter.Donor, organizations);
                var recipient = Organization("recipient", filter.Recipient, organizations);
                if ((donor.Unknown ?? recipient.Unknown) is { } nobody) return nobody;
                if ((donor.Ambiguous ?? recipient.Ambiguous) is { } several) return several;
                filter.DonorId = donor.Id;
                filter.RecipientId = recipient.Id;
            }
            return await next(context);
        });
        return builder;
    }
}
