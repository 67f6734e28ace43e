using System.Net;
using Ledger.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Ledger.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: Debian's Chromium driven by Playwright, against the API served by
/// Kestrel over a seeded ledger. Screenshots are saved with the test results.
/// </summary>
[NonParallelizable]
public sealed class DashboardTests
{
    private LedgerApiFactory _api = null!;
    private DashboardBrowser? _browser;

    [OneTimeSetUp]
    public async Task Start()
    {
        DashboardBrowser.RequireChromium();
        _api = new LedgerApiFactory();
        _browser = await DashboardBrowser.Start(_api);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    private Task<(IPage Page, List<string> Errors)> Open(int width = 1280, int height = 800, string address = "/") => _browser!.Open(width, height, address);

    /// <param name="fullPage">The whole page; else what a person sees in the window (the README's picture).</param>
    private static Task Screenshot(IPage page, string name, bool fullPage = true) => DashboardBrowser.Screenshot(page, name, fullPage);

    private static Task<int> Rows(IPage page) => page.Locator("#donations tbody tr[data-donation]").CountAsync();

    [Test]
    public async Task The_page_loads_with_no_console_error_and_every_chart_has_data()
    {
        var (page, errors) = await Open();

        foreach (var chart in new[] { "timeline", "donors", "supplies", "flows" })
        {
            var points = await page.EvaluateAsync<int>($"() => echarts.getInstanceByDom(document.getElementById('{chart}')).getOption().series[0].data.length");
            Assert.That(points, Is.GreaterThan(0), chart);
        }
        var links = await page.EvaluateAsync<int>("() => echarts.getInstanceByDom(document.getElementById('flows')).getOption().series[0].links.length");
        Assert.That(links, Is.GreaterThan(0));
        Assert.That(await Rows(page), Is.GreaterThan(10));
        Assert.That(await page.Locator("#audit details").CountAsync(), Is.EqualTo(6));
        await DashboardBrowser.ChartsDrawn(page);
        await Screenshot(page, "dashboard-1280x800", fullPage: false);
        await Screenshot(page, "dashboard-full-page");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_filter_changes_the_table()
    {
        var (page, errors) = await Open();
        var before = await Rows(page);

        await page.FillAsync("#filter-q", "护目镜");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#donations tbody tr[data-donation]').length !== {before}");

        var after = await Rows(page);
        Assert.That(after, Is.GreaterThan(0).And.LessThan(before));
        Assert.That(await page.Locator("#donations tbody").InnerTextAsync(), Does.Contain("赵国良"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task The_table_ranks_gifts_and_shows_reported_totals_only_when_asked()
    {
        var (page, errors) = await Open();

        Assert.That(await page.Locator("#donations tbody tr[data-donation] .badge").CountAsync(), Is.Zero);
        await page.SelectOptionAsync("#filter-aggregate", "true");
        await page.WaitForFunctionAsync("() => { const rows = document.querySelectorAll('#donations tbody tr[data-donation]'); "
                                        + "return rows.length > 0 && [...rows].every(r => r.querySelector('.badge')); }");
        var rows = await Rows(page);
        Assert.That(await page.Locator("#donations tbody tr[data-donation] .badge").CountAsync(), Is.EqualTo(rows).And.GreaterThan(0));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Clicking_a_donation_shows_its_sentence_in_the_document_with_its_line()
    {
        var (page, errors) = await Open();
        var before = await Rows(page);

        await page.FillAsync("#filter-q", "吴庆和");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#donations tbody tr[data-donation]').length !== {before}");
        await page.Locator("#donations tbody tr[data-donation]", new PageLocatorOptions { HasText = "吴庆和" }).First.Locator("td:nth-child(2)").ClickAsync();
        await page.WaitForSelectorAsync("#sources:not([hidden]) .lines li.hit");

        // The table lists gifts before reported totals: 吴庆和's first row is one of his two gifts of 1,000,000 yuan.
        var sentence = await page.Locator("#sources .sentence").First.InnerTextAsync();
        Assert.That(sentence, Does.Contain("100万元"));
        var marked = await page.Locator("#sources .lines li.hit").First.InnerTextAsync();
        Assert.That(marked, Does.Match(@"^\d+"));
        Assert.That(await page.Locator("#sources h3").First.InnerTextAsync(), Does.Match(@"第 \d+ 行"));
        await Screenshot(page, "sources");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task The_table_is_used_with_the_keyboard()
    {
        var (page, _) = await Open();

        await page.Locator("#donations tbody tr[data-donation]").First.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.dataset.donation");
        var second = await page.Locator("#donations tbody tr[data-donation]").Nth(1).GetAttributeAsync("data-donation");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#sources:not([hidden]) .sentence");

        Assert.That(focused, Is.EqualTo(second));
        Assert.That(await page.Locator("#sources .sentence").First.InnerTextAsync(), Is.Not.Empty);
    }

    [Test]
    public async Task Each_chart_has_its_numbers_one_click_away_and_figures_show_bounds_and_exact_yuan()
    {
        var (page, _) = await Open();

        await page.ClickAsync("#donors-card button.numbers");

        var table = page.Locator("#donors-table");
        Assert.That(await table.IsVisibleAsync(), Is.True);
        Assert.That(await table.Locator("tbody tr").CountAsync(), Is.GreaterThan(0));
        var wu = table.Locator("tbody tr").First;
        Assert.That(await wu.InnerTextAsync(), Does.Contain("吴庆和").And.Contain("200万元"));
        Assert.That(await wu.Locator(".money").First.GetAttributeAsync("title"), Is.EqualTo("2,000,000 元"));
        await page.SelectOptionAsync("#filter-sort", "-amount");
        Assert.That(await page.Locator("#donations .qualifier").CountAsync(), Is.GreaterThan(0), "bounds (≥, ≤, ≈) are marked");
    }

    [Test]
    public async Task Supplies_lie_as_bars_with_whole_labels_the_most_given_drawn_and_every_one_in_the_table()
    {
        var (page, errors) = await Open();

        var axis = await page.EvaluateAsync<string>("() => echarts.getInstanceByDom(document.getElementById('supplies')).getOption().yAxis[0].type");
        var drawn = await page.EvaluateAsync<int>("() => echarts.getInstanceByDom(document.getElementById('supplies')).getOption().yAxis[0].data.length");
        await page.ClickAsync("#supplies-card button.numbers");
        var listed = await page.Locator("#supplies-table tbody tr").CountAsync();

        Assert.That(axis, Is.EqualTo("category"), "labels on the side, read across, never rotated over each other");
        Assert.That(drawn, Is.InRange(1, 12));
        Assert.That(listed, Is.GreaterThan(drawn));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_gift_to_ten_receivers_flows_whole_to_one_node_named_as_shared()
    {
        var (page, errors) = await Open();

        await page.ClickAsync("#flows-card button.numbers");

        var zhao = page.Locator("#flows-table tbody tr", new PageLocatorOptions { HasText = "赵国良" });
        Assert.That(await zhao.CountAsync(), Is.EqualTo(1));
        Assert.That(await zhao.InnerTextAsync(), Does.Contain("等10个受赠方（共享）").And.Contain("5万元"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task The_ledgers_own_explanations_read_in_the_pages_language()
    {
        var (page, errors) = await Open();
        // The ledger explains in English why reports were joined, names merged and figures left unread.
        var english = new System.Text.RegularExpressions.Regex(@"same giver|first report|abbreviates|as written|full form|no amount|not in yuan|no quantity for|is relative to|is the local|agrees");

        async Task<string> Findings()
        {
            await page.EvaluateAsync("() => document.querySelectorAll('#audit details').forEach(d => { if (!d.open) d.querySelector('summary').click(); })");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#audit details[open] li').length > 20");
            return await page.Locator("#audit").TextContentAsync() ?? "";
        }
        var chinese = await Findings();
        await page.ClickAsync("#language");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        // The findings are drawn again in English once fetched again: the ones open stay open.
        await page.WaitForFunctionAsync("() => /same giver|full form|no quantity for/.test(document.querySelector('#audit').textContent)");
        var inEnglish = await Findings();

        Assert.That(english.Match(chinese).Success, Is.False, $"English in the Chinese page: {english.Match(chinese).Value}");
        Assert.That(chinese, Does.Contain("同一捐赠方").And.Contain("全称为").And.Contain("没有数量"));
        Assert.That(english.IsMatch(inEnglish), Is.True);
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task An_organizations_page_has_its_own_address_and_the_back_button_works()
    {
        using var client = _api.CreateClient();
        var zhao = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/v1/organizations?q={Uri.EscapeDataString("赵国良")}"))
            .RootElement[0].GetProperty("id").GetInt64();
        var (page, errors) = await Open(address: $"/#organization/{zhao}");

        await page.WaitForSelectorAsync("#sources:not([hidden])");
        Assert.That(await page.Locator("#sources-title").InnerTextAsync(), Is.EqualTo("赵国良"));
        Assert.That(await page.Locator("#sources").InnerTextAsync(), Does.Contain("5万元"));

        await page.ClickAsync("#close-sources");
        Assert.That(await page.EvaluateAsync<string>("() => location.hash"), Is.Empty);
        Assert.That(await page.Locator("#sources").IsHiddenAsync(), Is.True);

        await page.GoBackAsync();
        await page.WaitForSelectorAsync("#sources:not([hidden])");
        Assert.That(await page.Locator("#sources-title").InnerTextAsync(), Is.EqualTo("赵国良"));
        Assert.That(errors, Is.Empty);
    }

    // Serious or critical findings of axe-core on the page as it stands, one line each.
    private static async Task<List<string>> AccessibilityProblems(IPage page)
    {
        var axe = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        if (!File.Exists(axe)) Assert.Fail($"{axe} is missing: the test project's build restores axe-core with npm (Node.js)");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var found = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')})`)
            """);
        return found.ToList();
    }

    [TestCase(1280, 800)]
    [TestCase(390, 844)]
    public async Task Every_view_has_no_serious_or_critical_accessibility_problem(int width, int height)
    {
        var (page, errors) = await Open(width, height);
        var problems = new List<string>();

        problems.AddRange((await AccessibilityProblems(page)).Select(p => "page: " + p));
        await page.Locator("#donations tbody tr[data-donation]").First.Locator("td:nth-child(2)").ClickAsync();
        await page.WaitForSelectorAsync("#sources:not([hidden]) .sentence");
        problems.AddRange((await AccessibilityProblems(page)).Select(p => "sources: " + p));
        await page.ClickAsync("#close-sources");
        await page.ClickAsync("#language");
        problems.AddRange((await AccessibilityProblems(page)).Select(p => "English: " + p));

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task The_labels_switch_to_English()
    {
        var (page, errors) = await Open();

        await page.ClickAsync("#language");

        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Relief donations ledger"));
        Assert.That(await page.Locator("#donations thead").InnerTextAsync(), Does.Contain("Donor"));
        Assert.That(await page.EvaluateAsync<string>("() => document.documentElement.lang"), Is.EqualTo("en"));
        // Amounts read as English readers read them (2M yuan), not in 万 and 亿; the value axes too.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#donations .money')].some(m => m.textContent.endsWith(' yuan'))");
        var amounts = await page.Locator("#donations .money").AllInnerTextsAsync();
        Assert.That(amounts, Has.All.Match(@"^[≥≤≈]?[\d.,]+[KMB]? yuan$"));
        Assert.That(amounts, Has.Some.Match("M yuan"));
        var ticks = await page.EvaluateAsync<string>("""
            () => { const chart = echarts.getInstanceByDom(document.getElementById('donors'));
                    const formatter = chart.getOption().xAxis[0].axisLabel.formatter; return [2000000, 125500000, 50000].map(v => formatter(v)).join(' '); }
            """);
        Assert.That(ticks, Is.EqualTo("2M 125.5M 50K"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task On_a_phone_nothing_runs_off_the_side()
    {
        var (page, errors) = await Open(390, 844);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.That(overflow, Is.LessThanOrEqualTo(0));
        await Screenshot(page, "dashboard-phone");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task On_a_phone_each_donation_is_a_card_with_the_giver_on_one_line_and_each_figure_labelled()
    {
        var (page, errors) = await Open(390, 844);

        var card = page.Locator("#donations tbody tr[data-donation]").First;
        var box = (await card.BoundingBoxAsync())!;
        var giver = (await card.Locator("td").First.BoundingBoxAsync())!;
        var amount = (await card.Locator("td").Nth(1).BoundingBoxAsync())!;
        var label = await card.Locator("td").Nth(1).EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content");

        Assert.That(box.Width, Is.GreaterThan(300), "a card spans the phone's width");
        Assert.That(giver.Width, Is.GreaterThan(250), "the giver's name is not squeezed into a narrow column");
        Assert.That(amount.Y, Is.GreaterThan(giver.Y), "figures stand below the giver");
        Assert.That(label, Does.Contain("金额"));
        Assert.That(box.Height, Is.LessThan(260));
        // The ledger's state reads on one line of its own under the title, not wrapped over three.
        var title = (await page.Locator(".top h1").BoundingBoxAsync())!;
        var status = (await page.Locator("#status").BoundingBoxAsync())!;
        Assert.That(status.Y, Is.GreaterThan(title.Y + title.Height / 2));
        Assert.That(status.Height, Is.LessThan(30));
        Assert.That(errors, Is.Empty);
    }
}

public sealed class DashboardWithoutChartsTests
{
    [Test]
    public async Task Without_the_charts_the_page_says_how_to_enable_them_and_the_api_still_answers()
    {
        var empty = Path.Combine(Path.GetTempPath(), "ledger-no-dashboard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        using var api = new LedgerApiFactory().WithWebHostBuilder(builder => builder.UseWebRoot(empty));
        using var client = api.CreateClient();

        using var page = await client.GetAsync("/");
        using var totals = await client.GetAsync("/api/v1/totals?by=donor");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Install Node.js"));
        Assert.That(totals.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Directory.Delete(empty);
    }
}
