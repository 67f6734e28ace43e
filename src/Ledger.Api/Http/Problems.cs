using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ledger.Api.Http;

/// <summary>Every error is a problem (RFC 9457): a title, the status, and what to do about it; never an exception's inside.</summary>
internal static class Problems
{
    public static void Describe(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is not null && IsBusy(error))
        {
            context.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable;
            context.ProblemDetails.Title = "The ledger is busy";
            context.ProblemDetails.Detail = "Another write held the ledger for longer than this one could wait. Nothing was written; send it again (see Retry-After).";
            context.HttpContext.Response.Headers.RetryAfter = "2";
            return;
        }
        // Only the framework's own words about a request it could not read are shown; other exceptions stay in the log.
        if (error is BadHttpRequestException bad)
        {
            context.ProblemDetails.Status = bad.StatusCode;
            context.ProblemDetails.Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request could not be read";
            var said = InUsersWords(bad.Message);
            context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json ? $"{said} {json.Message}" : said;
        }
    }

    // The framework names a parameter by its .NET type and property ("Nullable<decimal> MinAmount"): a user knows it as min_amount.
    private static readonly System.Text.RegularExpressions.Regex Parameter = new(@"parameter ""[^""]*? (?<name>\w+)""", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static string InUsersWords(string message) =>
        Parameter.Replace(message, m => $"parameter {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Groups["name"].Value)}");

    /// <summary>The ledger's write lock was not had in time: the request may simply be sent again.</summary>
    public static bool IsBusy(Exception exception) => Ledger.Storage.LedgerDatabase.IsBusy(exception);

    /// <summary>Writes a problem as the response, for middleware that answers before any endpoint.</summary>
    public static ValueTask Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    public static ValueTask TooManyWrites(OnRejectedContext rejected, CancellationToken cancellation)
    {
        if (rejected.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry))
            rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many writes",
            "This client has made more writes this minute than the ledger takes; wait and try again (see Retry-After).");
    }

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] });
}
