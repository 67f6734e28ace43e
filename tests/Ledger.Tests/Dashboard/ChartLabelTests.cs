using System.Text.Json;
using Ledger.Tests.Api;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Ledger.Tests.Dashboard;

/// <summary>
/// Every chart's labels can be read, over the five seed reports and over a generated ledger of ten
/// thousand donations with long names and hundreds of receivers, on a 1280×900 window and on a phone,
/// in Chinese and in English: the boxes of the texts a chart draws (axis ticks, names, legend) are
/// read from ECharts' own drawing (zrender's display list, each text span's box in the chart's
/// pixels) and no two overlap, and none runs out of the chart. Screenshots of the charts are saved
/// with the test results.
/// </summary>
[TestFixture("seeds")]
[TestFixture("generated")]
[NonParallelizable]
public sealed class ChartLabelTests(string ledger)
{

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-dashboard-tests", Guid.NewGuid().ToString("N"));
    private DashboardBrowser? _browser;

    [OneTimeSetUp]
    public async Task Start()
    {
        DashboardBrowser.RequireChromium();
        var settings = new Dictionary<string, string?>();
        if (ledger == "generated")
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, "generated.db");
            var donations = LargeLedger.Build(path);
            Assert.That(donations, Is.GreaterThanOrEqualTo(10_000));
            settings["Ledger:Database"] = path;
        }
        _browser = await DashboardBrowser.Start(new LedgerApiFactory(StoreKind.Sqlite, settings));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder later.
        }
    }

    // Each text span a chart draws, with its box in the chart's pixels, once every animation has ended.
    private const string LabelBoxes = """
        id => {
          const chart = echarts.getInstanceByDom(document.getElementById(id));
          const boxes = [];
          for (const el of chart.getZr().storage.getDisplayList(true)) {
            if (el.type !== 'tspan' || !el.style.text || el.invisible || el.style.opacity === 0) continue;
            const box = el.getBoundingRect().clone();
            if (el.transform) box.applyTransform(el.transform);
            boxes.push({ text: el.style.text, x: box.x, y: box.y, width: box.width, height: box.height });
          }
          return { width: chart.getWidth(), height: chart.getHeight(), boxes };
        }
        """;

    private sealed record Box(string Text, double X, double Y, double Width, double Height)
    {
        public override string ToString() => $"'{Text}' at ({X:0},{Y:0}) {Width:0}×{Height:0}";
    }

    // What is wrong with one chart's labels: pairs that overlap (by more than a pixel each way), labels out of the chart.
    private static async Task<List<string>> LabelProblems(IPage page, string chart)
    {
        var drawn = await page.EvaluateAsync<JsonElement>(LabelBoxes, chart);
        var width = drawn.GetProperty("width").GetDouble();
        var height = drawn.GetProperty("height").GetDouble();
        var boxes = drawn.GetProperty("boxes").EnumerateArray().Select(b => new Box(b.GetProperty("text").GetString()!,
            b.GetProperty("x").GetDouble(), b.GetProperty("y").GetDouble(), b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble())).ToList();
        var problems = new List<string>();
        if (boxes.Count == 0) problems.Add($"{chart}: no label drawn");
        for (var i = 0; i < boxes.Count; i++)
        {
            var a = boxes[i];
            if (a.X < -1 || a.Y < -1 || a.X + a.Width > width + 1 || a.Y + a.Height > height + 1)
                problems.Add($"{chart}: {a} runs out of the chart ({width:0}×{height:0})");
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var b = boxes[j];
                var across = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
                var down = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
                if (across > 1 && down > 1) problems.Add($"{chart}: {a} overlaps {b}");
            }
        }
        return problems;
    }

    [TestCase(1280, 900)]
    [TestCase(390, 844)]
    public async Task No_two_labels_of_a_chart_overlap_and_none_runs_out_of_it(int width, int height)
    {
        var (page, errors) = await _browser!.Open(width, height);
        var problems = new List<string>();
        var counted = new List<string>();

        foreach (var language in new[] { "zh", "en" })
        {
            if (language == "en")
            {
                await page.ClickAsync("#language");
                await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
            }
            await DashboardBrowser.ChartsDrawn(page);
            foreach (var chart in DashboardBrowser.Charts)
            {
                problems.AddRange((await LabelProblems(page, chart)).Select(p => $"{language} {p}"));
                counted.Add($"{ledger} {width}×{height} {language} {chart}: {(await page.EvaluateAsync<JsonElement>(LabelBoxes, chart)).GetProperty("boxes").GetArrayLength()} labels");
            }
            await DashboardBrowser.Screenshot(page.Locator("section.cards"), $"charts-{ledger}-{width}x{height}-{language}");
        }

        TestContext.Out.WriteLine(string.Join("\n", counted));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        Assert.That(errors, Is.Empty);
    }

    // Each node of the flows chart: its name as the API gives it, the label drawn (cut or whole), the middle of the node and of its label in the chart's pixels.
    private const string FlowNodes = """
        () => {
          const chart = echarts.getInstanceByDom(document.getElementById('flows'));
          const data = chart.getModel().getSeriesByIndex(0).getData();
          const nodes = [];
          for (let i = 0; i < data.count(); i++) {
            const layout = data.getItemLayout(i);
            const label = data.getItemGraphicEl(i).getTextContent();
            const spans = label.childrenRef().filter(c => c.type === 'tspan');
            const box = spans[0].getBoundingRect().clone();
            box.applyTransform(spans[0].transform);
            nodes.push({ name: data.getName(i), shown: spans.map(c => c.style.text).join(''), x: layout.x + layout.dx / 2, y: layout.y + layout.dy / 2,
                         height: layout.dy, labelX: box.x + box.width / 2, labelY: box.y + box.height / 2 });
          }
          return nodes;
        }
        """;

    private sealed record FlowNode(string Name, string Shown, double X, double Y, double Height, double LabelX, double LabelY);

    private static async Task<List<FlowNode>> Nodes(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(FlowNodes)).EnumerateArray().Select(n => new FlowNode(n.GetProperty("name").GetString()!,
            n.GetProperty("shown").GetString()!, n.GetProperty("x").GetDouble(), n.GetProperty("y").GetDouble(), n.GetProperty("height").GetDouble(),
            n.GetProperty("labelX").GetDouble(), n.GetProperty("labelY").GetDouble())).ToList();

    // Points at a place in a chart and reads its tooltip once it shows the expected text (or, at last, whatever it shows).
    private static async Task<string> TooltipAt(IPage page, string chart, double x, double y, string expected)
    {
        var box = (await page.Locator($"#{chart}").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(box.X + x), (float)(box.Y + y));
        var tooltip = page.Locator($"#{chart} .chart-tooltip");
        var shown = "";
        for (var tries = 0; tries < 50; tries++)
        {
            shown = await tooltip.IsVisibleAsync() ? await tooltip.InnerTextAsync() : "";
            if (shown.Contains(expected, StringComparison.Ordinal)) break;
            await Task.Delay(100);
        }
        return shown;
    }

    [TestCase(1280, 900, 12)]
    [TestCase(390, 844, 7)]
    public async Task The_flows_chart_names_the_largest_givers_and_receivers_and_gathers_the_rest_as_others(int width, int height, int drawn)
    {
        var (page, errors) = await _browser!.Open(width, height);
        await DashboardBrowser.ChartsDrawn(page);
        using var client = new HttpClient();
        var chart = JsonDocument.Parse(await client.GetStringAsync($"{_browser.Address}/api/v1/charts/flows?top_donors={drawn}&top_recipients={drawn}")).RootElement;
        int? Others(string side) => chart.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("side").GetString() == side)
            .Select(n => (int?)n.GetProperty("grouped").GetInt32()).SingleOrDefault();

        var nodes = await Nodes(page);
        var left = nodes.Min(n => n.X);
        var giving = nodes.Where(n => n.X == left).ToList();
        var receiving = nodes.Where(n => n.X != left).ToList();

        Assert.That(giving, Has.Count.LessThanOrEqualTo(drawn + 1));
        Assert.That(receiving, Has.Count.LessThanOrEqualTo(drawn + 1));
        if (Others("other_donors") is { } otherGivers)
            Assert.That(giving.Last().Shown, Is.EqualTo($"其他{otherGivers:#,0}个捐赠方"), "every other giver in one node, last");
        if (Others("other_recipients") is { } otherReceivers) Assert.That(receiving.Last().Shown, Is.EqualTo($"其他{otherReceivers:#,0}个受赠方"));
        if (ledger == "generated")
        {
            Assert.That(Others("other_donors"), Is.GreaterThan(1000), "the generated ledger has thousands of givers");
            Assert.That(Others("other_recipients"), Is.GreaterThan(300), "and hundreds of receivers");
            await page.ClickAsync("#language");
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
            await DashboardBrowser.ChartsDrawn(page);
            var english = await Nodes(page);
            Assert.That(english.Where(n => n.X == left).Last().Shown, Is.EqualTo($"{Others("other_donors"):#,0} other donors"));
            Assert.That(english.Where(n => n.X != left).Last().Shown, Is.EqualTo($"{Others("other_recipients"):#,0} other recipients"));
        }
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_window_narrowed_to_a_phones_width_draws_the_flows_again_for_it()
    {
        var (page, errors) = await _browser!.Open(1280, 900);
        await DashboardBrowser.ChartsDrawn(page);
        var wide = await Nodes(page);

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("""
            () => echarts.getInstanceByDom(document.getElementById('flows')).getOption().series[0].data.length <= 16
                  && echarts.getInstanceByDom(document.getElementById('flows')).getWidth() < 400
            """);
        await DashboardBrowser.ChartsDrawn(page);

        var narrow = await Nodes(page);
        Assert.That(narrow.Count, Is.LessThanOrEqualTo(Math.Min(wide.Count, 16)));
        var problems = new List<string>();
        foreach (var chart in DashboardBrowser.Charts) problems.AddRange(await LabelProblems(page, chart));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task On_a_phone_a_cut_name_reads_whole_on_hover()
    {
        var (page, errors) = await _browser!.Open(390, 844);
        await DashboardBrowser.ChartsDrawn(page);

        // The flows chart: pointing at a label cut short shows the whole name in the tooltip; so does pointing at a node.
        var nodes = await Nodes(page);
        var cut = nodes.Where(n => n.Shown.EndsWith("...", StringComparison.Ordinal)).ToList();
        Assert.That(cut, Is.Not.Empty, "long names are cut on a phone");
        await page.Locator("#flows").ScrollIntoViewIfNeededAsync();
        foreach (var node in cut)
        {
            Assert.That(node.Name, Does.StartWith(node.Shown[..^3]));
            var first = node.Name.Split('、')[0];
            Assert.That(await TooltipAt(page, "flows", node.LabelX, node.LabelY, first), Does.Contain(first), $"the label of {node.Name}");
        }
        var tallest = nodes.MaxBy(n => n.Height)!;
        var whole = tallest.Shown.EndsWith("...", StringComparison.Ordinal) ? tallest.Name.Split('、')[0] : tallest.Shown;
        Assert.That(await TooltipAt(page, "flows", tallest.X, tallest.Y, whole), Does.Contain(whole), $"the node of {tallest.Name}");
        await DashboardBrowser.Screenshot(page.Locator("#flows-card"), $"flows-tooltip-{ledger}-390x844");

        // The top donors: a giver whose name is cut on the axis reads whole in the tooltip of its bar.
        var donors = await page.EvaluateAsync<JsonElement>("""
            () => {
              const chart = echarts.getInstanceByDom(document.getElementById('donors'));
              const names = chart.getOption().yAxis[0].data;
              return names.map((name, i) => ({ name, y: chart.convertToPixel({ yAxisIndex: 0 }, i), x: chart.convertToPixel({ xAxisIndex: 0 }, 0) + 20 }));
            }
            """);
        var longest = donors.EnumerateArray().OrderByDescending(d => d.GetProperty("name").GetString()!.Length).First();
        var name = longest.GetProperty("name").GetString()!;
        if (ledger == "generated") Assert.That(name.Length, Is.GreaterThan(12), "the generated ledger's givers have long names");
        await page.Locator("#donors").ScrollIntoViewIfNeededAsync();
        Assert.That(await TooltipAt(page, "donors", longest.GetProperty("x").GetDouble(), longest.GetProperty("y").GetDouble(), name), Does.Contain(name));
        await DashboardBrowser.Screenshot(page.Locator("#donors-card"), $"donors-tooltip-{ledger}-390x844");
        Assert.That(errors, Is.Empty);
    }
}
