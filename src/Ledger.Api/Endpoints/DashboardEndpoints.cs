using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Endpoints;

/// <summary>The dashboard at <c>/</c>: a page of static files built only on the public read endpoints.</summary>
internal static class DashboardEndpoints
{
    public const string ChartsScript = "lib/echarts.min.js";

    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/", GetDashboard).ExcludeFromDescription();

    /// <summary>The dashboard, or a page saying how to enable it when the build had no Node.js to fetch its charts.</summary>
    public static Results<PhysicalFileHttpResult, ContentHttpResult> GetDashboard(IWebHostEnvironment environment)
    {
        var page = Path.Combine(environment.WebRootPath ?? "", "index.html");
        if (File.Exists(Path.Combine(environment.WebRootPath ?? "", ChartsScript)) && File.Exists(page))
            return TypedResults.PhysicalFile(page, "text/html; charset=utf-8");
        return TypedResults.Content("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Ledger</title><link rel="icon" href="data:,"></head>
            <body>
            <h1>Ledger</h1>
            <p>The dashboard needs its charts (Apache ECharts), which the build fetches from the npm registry.
            This build had no Node.js, so they are missing. Install Node.js (which brings npm) and build again:
            <code>dotnet build src/Ledger.Api</code>.</p>
            <p>The API works without it: <a href="/swagger">/swagger</a>, <a href="/api/v1">/api/v1</a>.</p>
            </body></html>
            """, "text/html; charset=utf-8");
    }
}
