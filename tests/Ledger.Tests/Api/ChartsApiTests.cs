using System.Text.Json;
using NUnit.Framework;
namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class ChartsApiTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    [TestCase("timeline")]
    [TestCase("top-donors")]
    [TestCase("supplies")]
    public async Task A_series_chart_has_a_value_and_a_qualifier_for_every_label(string chart)
    {
        var answer = await Client.Json($"/api/v1/charts/{chart}");

        var labels = answer.GetProperty("labels").GetArrayLength();
        Assert.That(labels, Is.GreaterThan(0));
        Assert.That(answer.GetProperty("keys").GetArrayLength(), Is.EqualTo(labels));
        foreach (var series in answer.GetProperty("series").Items())
        {
            Assert.That(series.GetProperty("data").GetArrayLength(), Is.EqualTo(labels));
            Assert.That(series.GetProperty("qualifiers").GetArrayLength(), Is.EqualTo(labels));
        }
    }

    [Test]
    public async Task Top_donors_starts_with_Wu_Qinghes_two_million()
    {
        var chart = await Client.Json("/api/v1/charts/top-donors?limit=5");

        Assert.That(chart.GetProperty("labels")[0].GetString(), Is.EqualTo("吴庆和"));
        var cash = chart.GetProperty("series").Items().Single(s => s.GetProperty("name").GetString() == "cash");
        Assert.That(cash.GetProperty("data")[0].GetDecimal(), Is.EqualTo(2_000_000m));
        Assert.That(chart.GetProperty("labels").GetArrayLength(), Is.EqualTo(5));
    }

    [Test]
    public async Task The_timeline_runs_month_by_month_with_undated_gifts_last()
    {
        var chart = await Client.Json("/api/v1/charts/timeline");

        var months = chart.GetProperty("keys").Items().Select(k => k.GetString()!).Where(k => k != "unknown").ToList();
        Assert.That(months, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(months, Has.All.Match(@"^\d{4}-\d{2}$"));
    }

    [Test]
    public async Task Flows_of_a_giver_add_up_to_what_it_gave_and_name_only_known_nodes()
    {
        var chart = await Client.Json("/api/v1/charts/flows?limit=1000");

        var nodes = chart.GetProperty("nodes").Items().Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.That(nodes, Is.Unique);
        var links = chart.GetProperty("links").Items().ToList();
        Assert.That(links.Select(l => l.GetProperty("source").GetString()).Concat(links.Select(l => l.GetProperty("target").GetString())).Distinct(), Is.SubsetOf(nodes));
        Assert.That(links.Where(l => l.GetProperty("source").GetString() == "吴庆和").Sum(l => l.GetProperty("value").GetDecimal()), Is.EqualTo(2_000_000m));
    }

    [Test]
    public async Task A_gift_to_ten_receivers_flows_whole_to_one_shared_node_never_split()
    {
        var chart = await Client.Json("/api/v1/charts/flows?limit=1000");

        var zhao = chart.GetProperty("links").Items().Where(l => l.GetProperty("source").GetString() == "赵国良").ToList();
        var node = chart.GetProperty("nodes").Items().Single(n => n.GetProperty("name").GetString() == zhao.Single().GetProperty("target").GetString());
        Assert.That(zhao.Single().GetProperty("value").GetDecimal(), Is.EqualTo(50_000m));
        Assert.That(node.GetProperty("side").GetString(), Is.EqualTo("shared"));
        Assert.That(node.GetProperty("members").GetArrayLength(), Is.EqualTo(10));
        Assert.That(node.GetProperty("organization_id").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Flows_drawn_top_n_keep_every_yuan_with_the_rest_in_one_others_node_on_each_side()
    {
        var all = await Client.Json("/api/v1/charts/flows?limit=1000");
        var chart = await Client.Json("/api/v1/charts/flows?top_donors=3&top_recipients=4");

        var nodes = chart.GetProperty("nodes").Items().ToList();
        var links = chart.GetProperty("links").Items().ToList();
        decimal Sum(IEnumerable<JsonElement> l) => l.Sum(x => x.GetProperty("value").GetDecimal());
        Assert.That(Sum(links), Is.EqualTo(Sum(all.GetProperty("links").Items())), "every flow counts, none is left out");
        string Side(JsonElement n) => n.GetProperty("side").GetString()!;
        Assert.That(nodes.Count(n => Side(n) == "donor"), Is.EqualTo(3));
        Assert.That(nodes.Count(n => Side(n) is "recipient" or "shared"), Is.EqualTo(4));
        Assert.That(nodes[0].GetProperty("name").GetString(), Is.EqualTo("吴庆和"), "the largest giver first");
        var others = nodes.Single(n => Side(n) == "other_donors");
        Assert.That(others.GetProperty("name").GetString(), Is.EqualTo("其他捐赠方"));
        var givers = all.GetProperty("links").Items().Select(l => l.GetProperty("source").GetString()).Distinct().Count();
        Assert.That(others.GetProperty("grouped").GetInt32(), Is.EqualTo(givers - 3));
        Assert.That(nodes.Single(n => Side(n) == "other_recipients").GetProperty("name").GetString(), Is.EqualTo("其他受赠方"));
        var names = nodes.Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(links.Select(l => l.GetProperty("source").GetString()).Concat(links.Select(l => l.GetProperty("target").GetString())).Distinct(), Is.SubsetOf(names));
        // Wu Qinghe is drawn by name: his flows add up to what he gave.
        Assert.That(Sum(links.Where(l => l.GetProperty("source").GetString() == "吴庆和")), Is.EqualTo(2_000_000m));
    }

    [TestCase("top_donors=0", "top_donors")]
    [TestCase("top_recipients=101", "top_recipients")]
    [TestCase("top_donors=5&limit=10", "limit")]
    public async Task Flows_refuse_a_top_n_out_of_range_or_with_a_limit(string query, string field)
    {
        using var response = await Client.GetAsync($"/api/v1/charts/flows?{query}");

        Assert.That((await response.Problem(400)).Fields(), Does.Contain(field));
    }

    [Test]
    public async Task Supplies_per_category_agree_with_the_donations_that_carry_them()
    {
        var supplies = await Client.Json("/api/v1/supplies?by=category");
        var suits = supplies.Items().Single(s => s.GetProperty("key").GetString() == "protective_suit")
            .GetProperty("items").Items().Single(i => i.GetProperty("unit").GetString() == "套");

        var donations = await Client.Json("/api/v1/donations?category=protective_suit&aggregate=false&limit=500");
        var listed = donations.GetProperty("donations").Items().SelectMany(d => d.GetProperty("items").Items())
            .Where(i => i.GetProperty("category").GetString() == "protective_suit" && i.GetProperty("unit").GetString() == "套")
            .Sum(i => i.GetProperty("quantity").GetDecimal());

        Assert.That(suits.GetProperty("quantity").GetDecimal(), Is.EqualTo(listed).And.GreaterThanOrEqualTo(370m));
    }

    [Test]
    public async Task Supplies_come_as_csv_with_the_same_quantities_and_an_unknown_format_is_refused()
    {
        using var response = await Client.GetAsync("/api/v1/supplies?by=category&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        var suits = lines.Single(l => l.StartsWith("protective_suit,") && l.Split(',')[3] == "套").Split(',');
        var json = await Client.Json("/api/v1/supplies?by=category");
        var listed = json.Items().Single(s => s.GetProperty("key").GetString() == "protective_suit")
            .GetProperty("items").Items().Single(i => i.GetProperty("unit").GetString() == "套");

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(lines[0], Is.EqualTo("key,name,category,unit,quantity,qualifier,donations"));
            Assert.That(decimal.Parse(suits[4], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(listed.GetProperty("quantity").GetDecimal()));
        });
        using var refused = await Client.GetAsync("/api/v1/supplies?format=xml");
        Assert.That((int)refused.StatusCode, Is.EqualTo(400));
    }

    [TestCase("/api/v1/supplies?by=recipient")]
    [TestCase("/api/v1/supplies?by=month")]
    public async Task Supplies_group_by_receiver_and_by_month(string url)
    {
        var supplies = await Client.Json(url);

        Assert.That(supplies.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(supplies.Items().All(s => s.GetProperty("items").GetArrayLength() > 0));
    }

    [TestCase("timeline", "label,key,cash,cash_qualifier")]
    [TestCase("top-donors", "label,key,cash,cash_qualifier")]
    [TestCase("supplies", "label,key,quantity,quantity_qualifier")]
    [TestCase("flows", "source,target,value,qualifier,donations")]
    public async Task Every_chart_comes_as_csv(string chart, string header)
    {
        using var response = await Client.GetAsync($"/api/v1/charts/{chart}?format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(lines[0], Does.StartWith(header));
        Assert.That(lines, Has.Length.GreaterThan(1));
    }
}
