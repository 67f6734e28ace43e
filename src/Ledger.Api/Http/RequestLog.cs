using System.Diagnostics;

namespace Ledger.Api.Http;

/// <summary>
/// One log line a request: method, path, status, time (successful reads at Debug). A write's query string is never written
/// (a key sent there by mistake must not reach the log), nor any query parameter named like a key;
/// headers, the key's home, are never written at all. The framework's own request lines, which
/// carry the whole URL, are turned off in <see cref="LedgerApi"/>.
/// </summary>
internal sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Writes and refusals at Information; the many successful reads at Debug, so a busy API does not spend itself logging them.
            var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            var level = read && context.Response.StatusCode < 400 ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
                logger.Log(level, "{Method} {Path}{Query} {Status} in {Elapsed:0.0} ms", context.Request.Method, context.Request.Path.Value,
                    Shown(context.Request), context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string Shown(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Query.Count == 0) return "";
        var kept = request.Query.Where(q => !q.Key.Contains("key", StringComparison.OrdinalIgnoreCase) && !q.Key.Contains("token", StringComparison.OrdinalIgnoreCase))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join('&', kept);
        return query.Length == 0 ? "" : "?" + query;
    }
}
