using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Http;

/// <summary>Marks an endpoint that changes the ledger: it needs the API key, and counts against the write limit.</summary>
internal static class WriteLimit
{
    public const string Policy = "writes";

    public static RouteHandlerBuilder RequiresApiKey(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new ApiKeyRequired()).RequireRateLimiting(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

internal sealed record ApiKeyRequired;

/// <summary>
/// Writes carry the ledger's key in <c>X-Api-Key</c>: without one, 401; with another, 403. Checked
/// before the body is read, so a refused request costs nothing and changes nothing.
/// </summary>
internal sealed class ApiKey(RequestDelegate next, IOptionsMonitor<LedgerSettings> settings)
{
    public const string Header = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyRequired>() is null)
        {
            await next(context);
            return;
        }
        var given = context.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            await Problems.Write(context, StatusCodes.Status401Unauthorized, "An API key is needed", $"Writes need the ledger's API key in the {Header} header.");
            return;
        }
        var expected = settings.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "This ledger takes no writes", "No API key is set for this ledger (setting Ledger:ApiKey), so no key is accepted.");
            return;
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "The API key is wrong", $"The key in {Header} is not this ledger's.");
            return;
        }
        await next(context);
    }
}
