using Ledger.Api.Http;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Endpoints;

/// <summary>
/// An organization named in a filter by its id or by a name people use (吴庆和, an alias, a part of a
/// name): one organization, or a problem that says why not. An unknown one is a 404, never an
/// empty list; a name several organizations answer to lists them.
/// </summary>
internal static class OrganizationFilter
{
    public readonly record struct Resolved(long? Id, ProblemHttpResult? Unknown = null, ValidationProblem? Ambiguous = null);

    private const int Candidates = 10;

    public static Resolved Resolve(string field, string? value, Organizations organizations)
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
}
