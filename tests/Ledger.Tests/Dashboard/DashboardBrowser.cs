using Ledger.Tests.Api;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Ledger.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright, against an API served by Kestrel over a ledger of its own;
/// pages opened at a window's size, with the console errors they log, and screenshots saved with the
/// test results.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly LedgerApiFactory _api;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(LedgerApiFactory api, IPlaywright playwright, IBrowser browser)
    {
        _api = api;
        _playwright = playwright;
        _browser = browser;
        Address = api.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string Address { get; }

    /// <summary>Skips the test without a browser on a developer's machine; fails it in CI.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(Chromium)) return;
        // On a developer's machine the browser tests may be skipped; in CI (.ci/run sets LEDGER_REQUIRE_BROWSER, most CIs set CI) they must run.
        var required = Environment.GetEnvironmentVariable("LEDGER_REQUIRE_BROWSER") == "1" || Environment.GetEnvironmentVariable("CI") is "true" or "1";
        var why = $"{Chromium} is missing: .ci/run installs Debian's chromium package";
        if (required) Assert.Fail(why);
        Assert.Ignore(why);
    }

    /// <summary>Serves <paramref name="api"/> on a port of its own and starts the browser; the API is disposed with it.</summary>
    public static async Task<DashboardBrowser> Start(LedgerApiFactory api)
    {
        RequireChromium();
        api.UseKestrel(0);
        api.StartServer();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Quiet in a closed network: no sandbox (CI runs as root), no background calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new DashboardBrowser(api, playwright, browser);
    }

    /// <summary>Opens the page at a window's size and waits until everything on it is loaded.</summary>
    public async Task<(IPage Page, List<string> Errors)> Open(int width = 1280, int height = 800, string address = "/")
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(Address + address);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return (page, errors);
    }

    private static string Folder()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <param name="fullPage">The whole page; else what a person sees in the window (the README's picture).</param>
    /// <summary>The page's charts, by the ids of their elements.</summary>
    public static readonly string[] Charts = ["timeline", "donors", "supplies", "flows"];

    /// <summary>Waits until every chart is drawn and still: read or pictured mid-animation, labels stand where they will not stay.</summary>
    public static async Task ChartsDrawn(IPage page) =>
        await page.WaitForFunctionAsync("""
            ids => ids.every(id => { const chart = echarts.getInstanceByDom(document.getElementById(id)); return chart && chart.getZr().animation.isFinished(); })
            """, Charts, new PageWaitForFunctionOptions { Timeout = 15_000 });

    public static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var file = Path.Combine(Folder(), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        TestContext.AddTestAttachment(file);
    }

    /// <summary>A picture of one part of the page, whole however long it is.</summary>
    public static async Task Screenshot(ILocator part, string name)
    {
        var file = Path.Combine(Folder(), name + ".png");
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        TestContext.AddTestAttachment(file);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _api.Dispose();
    }
}
