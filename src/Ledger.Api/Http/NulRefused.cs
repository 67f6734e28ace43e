using Ledger.Domain;

namespace Ledger.Api.Http;

/// <summary>
/// Refuses a query that holds U+0000 (%00) with 400, before any read: no name, document or text in
/// the ledger holds one (see <see cref="Limits.NulAt"/>), and a store that cannot even be asked about
/// it must answer as the other does. (A path holding one never gets this far: the server refuses it.)
/// </summary>
internal sealed class NulRefused(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var held = context.Request.Query.FirstOrDefault(p => p.Key.Contains('\0') || p.Value.Any(v => v?.Contains('\0') == true));
        if (held.Key is { } name)
        {
            await Problems.Write(context, StatusCodes.Status400BadRequest, "The query holds U+0000",
                $"The parameter {name.Replace("\0", "%00")} holds the character U+0000 (%00), which no name or text in the ledger holds.");
            return;
        }
        await next(context);
    }
}
