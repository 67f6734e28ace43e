using Ledger.Api.Http;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Endpoints;

/// <summary>How many findings each audit has, and where to read them.</summary>
/// <param name="Findings">Each audit's name, count and link.</param>
public sealed record AuditSummary(IReadOnlyList<AuditFinding> Findings);

/// <summary>One audit's count of findings.</summary>
/// <param name="Name">The audit (the last part of its link).</param>
/// <param name="Description">What it lists.</param>
/// <param name="Count">How many findings.</param>
/// <param name="Link">Where the findings are.</param>
public sealed record AuditFinding(string Name, string Description, int Count, string Link);

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder group)
    {
        group.WithTags("Audit").WithETag();
        // Each audit pages with offset and limit (at most MaximumFindings), X-Total-Count saying how many findings there are.
        group.MapGet("/", GetSummary).WithName("GetAuditSummary").WithSummary("Each audit and how many findings it has");
        group.MapGet("/repeated-reports", ([AsParameters] PageQuery page, Audit audit, HttpContext http) => Paging.Answer(http, page, audit.RepeatedReports, MaximumFindings)).WithName("GetRepeatedReports")
            .WithSummary("Gifts reported more than once, each report with its sentence and why it was joined to the same donation");
        group.MapGet("/disagreeing-reports", ([AsParameters] PageQuery page, Audit audit, HttpContext http) => Paging.Answer(http, page, audit.DisagreeingReports, MaximumFindings)).WithName("GetDisagreeingReports")
            .WithSummary("Repeated reports whose figures are not the same, side by side");
        group.MapGet("/totals-against-gifts", ([AsParameters] PageQuery page, Audit audit, HttpContext http) => Paging.Answer(http, page, audit.TotalsAgainstGifts, MaximumFindings)).WithName("GetTotalsAgainstGifts")
            .WithSummary("Reported cash totals against the itemised gifts of the same giver they can cover, with the difference");
        group.MapGet("/incomplete-records", ([AsParameters] PageQuery page, Audit audit, HttpContext http) => Paging.Answer(http, page, audit.IncompleteRecords, MaximumFindings)).WithName("GetIncompleteRecords")
            .WithSummary("Records with no giver, or with neither receiver nor channel");
        group.MapGet("/unread-figures", ([AsParameters] PageQuery page, Audit audit, HttpContext http) => Paging.Answer(http, page, audit.UnreadFigures, MaximumFindings)).WithName("GetUnreadFigures")
            .WithSummary("Gifts whose figure could not be counted: no amount or quantity, goods without a number, money in another currency");
        group.MapGet("/merged-names", ([AsParameters] PageQuery page, Audit audit, HttpContext http) => Paging.Answer(http, page, audit.MergedNames, MaximumFindings)).WithName("GetMergedNames")
            .WithSummary("Names the rules took to be another organization's, with the reason");
        return group;
    }

    private const int MaximumFindings = 1000;

    /// <summary>Counts the findings of every audit.</summary>
    /// <param name="audit">The ledger's audit.</param>
    public static Ok<AuditSummary> GetSummary(Audit audit) => TypedResults.Ok(new AuditSummary(
    [
        Finding("repeated-reports", "gifts reported more than once, joined into one donation", audit.RepeatedReports().Count),
        Finding("disagreeing-reports", "repeated reports whose figures differ", audit.DisagreeingReports().Count),
        Finding("totals-against-gifts", "reported totals beside the itemised gifts they cover", audit.TotalsAgainstGifts().Count),
        Finding("incomplete-records", "records with no giver or no receiver", audit.IncompleteRecords().Count),
        Finding("unread-figures", "gifts whose figure could not be counted", audit.UnreadFigures().Count),
        Finding("merged-names", "names merged into another organization by the rules", audit.MergedNames().Count),
    ]));

    private static AuditFinding Finding(string name, string description, int count) => new(name, description, count, $"/api/v1/audit/{name}");
}
