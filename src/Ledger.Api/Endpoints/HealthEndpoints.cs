using Dapper;
using Ledger.Extraction;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Endpoints;

/// <summary>Whether the ledger answers.</summary>
/// <param name="Status">"ok".</param>
/// <param name="Revision">The ledger's revision: every write raises it.</param>
/// <param name="Documents">Current documents.</param>
/// <param name="Donations">Donations that count.</param>
public sealed record Health(string Status, long Revision, long Documents, long Donations);

/// <summary>What the API is and where its parts are.</summary>
public sealed record ApiIndex(string Name, string Version, string ExtractorVersion, IReadOnlyDictionary<string, string> Links);

internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health")
            .WithSummary("Whether the ledger answers")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static void MapIndex(this RouteGroupBuilder api) =>
        api.MapGet("/", GetIndex).WithName("Index").WithTags("Health")
            .WithSummary("The API's version and its parts");

    /// <summary>Reads the ledger's revision and counts; 503 when the ledger file cannot be read.</summary>
    public static Results<Ok<Health>, ProblemHttpResult> GetHealth(LedgerDatabase database, ILoggerFactory logs)
    {
        try
        {
            using var connection = database.Connect();
            var (revision, documents, donations) = connection.QuerySingle<(long, long, long)>("""
                SELECT (SELECT revision FROM ledger_state), (SELECT count(*) FROM documents WHERE replaced_by IS NULL),
                       (SELECT count(*) FROM donations WHERE sources > 0)
                """);
            return TypedResults.Ok(new Health("ok", revision, documents, donations));
        }
        catch (Exception exception) when (LedgerDatabase.IsDatabaseError(exception))
        {
            logs.CreateLogger("Ledger.Health").LogError(exception, "The ledger {Path} cannot be read", database.Path);
            return TypedResults.Problem(title: "The ledger cannot be read", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static readonly ApiIndex Index = new("Ledger", "v1", DonationExtractor.Version, new Dictionary<string, string>
    {
        ["totals"] = "/api/v1/totals?by=donor",
        ["donations"] = "/api/v1/donations",
        ["organizations"] = "/api/v1/organizations",
        ["supplies"] = "/api/v1/supplies",
        ["charts"] = "/api/v1/charts/timeline",
        ["audit"] = "/api/v1/audit",
        ["documents"] = "/api/v1/documents",
        ["openapi"] = "/swagger/v1/swagger.json",
    });

    /// <summary>Names the API, its version and the extractor's, with a link to each part.</summary>
    public static Ok<ApiIndex> GetIndex() => TypedResults.Ok(Index);
}
