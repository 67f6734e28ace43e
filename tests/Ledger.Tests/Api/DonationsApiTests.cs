using NUnit.Framework;
using System.Text.Json;

namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class DonationsApiTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    private async Task<long> OrganizationId(string name)
    {
        var found = await Client.Json($"/api/v1/organizations?q={Uri.EscapeDataString(name)}");
        return found.Items().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }

    [Test]
    public async Task Wu_Qinghes_itemised_gifts_come_to_two_million_once_each()
    {
        var wu = await OrganizationId("吴庆和");

        var gifts = await Client.Json($"/api/v1/donations?donor={wu}&aggregate=false");

        var list = gifts.GetProperty("donations").Items().ToList();
        Assert.That(list, Has.Count.EqualTo(2));
        Assert.That(list.Sum(d => d.GetProperty("total").GetDecimal()), Is.EqualTo(2_000_000m));
        Assert.That(list.All(d => d.GetProperty("sentence").GetString()!.Contains("100万元")));
    }

    [Test]
    public async Task A_giver_is_found_by_name_as_well_as_by_id()
    {
        var wu = await OrganizationId("吴庆和");

        var byName = await Client.Json($"/api/v1/donations?donor={Uri.EscapeDataString("吴庆和")}&aggregate=false");
        var byId = await Client.Json($"/api/v1/donations?donor={wu}&aggregate=false");

        Assert.That(byName.GetRawText(), Is.EqualTo(byId.GetRawText()));
    }

    [Test]
    public async Task A_document_is_found_by_id_as_well_as_by_name()
    {
        var documents = await Client.Json("/api/v1/documents");
        var first = documents.Items().First(d => d.GetProperty("records").GetInt32() > 0);
        var id = first.GetProperty("id").GetInt64();
        var name = first.GetProperty("name").GetString()!;

        var byId = await Client.Json($"/api/v1/donations?document={id}&limit=500");
        var byName = await Client.Json($"/api/v1/donations?document={Uri.EscapeDataString(name)}&limit=500");

        Assert.That(byId.GetProperty("donations").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(byId.GetRawText(), Is.EqualTo(byName.GetRawText()));
    }

    [TestCase("document=no-such-report.txt", 404)]
    [TestCase("donor=某某不存在的公司", 404)]
    [TestCase("donor=999999", 404)]
    [TestCase("recipient=某某不存在的医院", 404)]
    [TestCase("recipient=医院", 400)]
    public async Task An_unknown_giver_is_a_404_and_a_name_of_several_a_400_listing_them(string filter, int status)
    {
        using var response = await Client.GetAsync($"/api/v1/donations?{filter}");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem, Does.Not.Contain("Nullable"));
    }

    [Test]
    public async Task An_undated_gift_is_outside_every_date_window_and_is_asked_for_with_undated()
    {
        static List<JsonElement> Listed(JsonElement page) => page.GetProperty("donations").Items().ToList();
        static bool NoDate(JsonElement d) => d.GetProperty("date").ValueKind == JsonValueKind.Null && d.GetProperty("month").ValueKind == JsonValueKind.Null;

        var all = Listed(await Client.Json("/api/v1/donations?limit=500"));
        var undated = Listed(await Client.Json("/api/v1/donations?undated=true&limit=500"));
        var early = Listed(await Client.Json("/api/v1/donations?to=2020-01-01&limit=500"));
        var window = Listed(await Client.Json("/api/v1/donations?from=2020-01-01&to=2030-12-31&limit=500"));

        Assert.Multiple(() =>
        {
            Assert.That(undated, Is.Not.Empty);
            Assert.That(undated.All(NoDate));
            Assert.That(undated.Count, Is.EqualTo(all.Count(NoDate)));
            Assert.That(early.Any(NoDate), Is.False);
            Assert.That(window.Count + undated.Count, Is.EqualTo(all.Count));
        });
    }

    [Test]
    public async Task Paging_by_cursor_visits_every_donation_once_in_order()
    {
        var all = (await Client.Json("/api/v1/donations?sort=-amount&limit=500")).GetProperty("donations").Items()
            .Select(d => d.GetProperty("id").GetInt64()).ToList();

        var paged = new List<long>();
        var counts = new List<string>();
        string? cursor = null;
        do
        {
            using var response = await Client.GetAsync("/api/v1/donations?sort=-amount&limit=7" + (cursor is null ? "" : "&cursor=" + cursor));
            counts.Add(response.Headers.GetValues("X-Total-Count").Single());
            var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            paged.AddRange(page.GetProperty("donations").Items().Select(d => d.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next_cursor").GetString();
        } while (cursor is not null);

        Assert.That(all, Has.Count.GreaterThan(20));
        Assert.That(paged, Is.EqualTo(all));
        // Every page says how many there are in all, the same on each.
        Assert.That(counts, Has.All.EqualTo(all.Count.ToString()));
    }

    [Test]
    public async Task Sorted_by_amount_the_largest_gift_comes_first()
    {
        var page = await Client.Json("/api/v1/donations?sort=-amount&aggregate=false&limit=20");

        var totals = page.GetProperty("donations").Items().Select(d => d.GetProperty("total").GetDecimal()).ToList();
        Assert.That(totals, Is.Ordered.Descending);
    }

    [Test]
    public async Task Filters_for_category_minimum_amount_and_words_each_hold_for_every_donation_listed()
    {
        var masks = await Client.Json("/api/v1/donations?category=mask&limit=500");
        var large = await Client.Json("/api/v1/donations?min_amount=100000&limit=500");
        var words = await Client.Json($"/api/v1/donations?q={Uri.EscapeDataString("护目镜")}&limit=500");

        Assert.That(masks.GetProperty("donations").Items().All(d => d.GetProperty("items").Items().Any(i => i.GetProperty("category").GetString() == "mask")));
        Assert.That(large.GetProperty("donations").Items().All(d => d.GetProperty("total").GetDecimal() >= 100_000m));
        Assert.That(words.GetProperty("donations").Items().Select(d => d.GetProperty("donor").GetProperty("name").GetString()), Does.Contain("赵国良"));
    }

    [Test]
    public async Task A_repeated_report_shows_both_sources_with_document_line_and_sentence()
    {
        var wu = await OrganizationId("吴庆和");
        var total = (await Client.Json($"/api/v1/donations?donor={wu}&aggregate=true")).GetProperty("donations").Items().Single();

        var detail = await Client.Json($"/api/v1/donations/{total.GetProperty("id").GetInt64()}");

        var sources = detail.GetProperty("sources").Items().ToList();
        Assert.That(sources, Has.Count.EqualTo(2));
        Assert.That(sources.Select(s => s.GetProperty("line").GetInt32()), Is.All.GreaterThan(0));
        Assert.That(sources[0].GetProperty("sentence").GetString(), Does.Contain("吴庆和"));
        Assert.That(sources[1].GetProperty("join_reason").GetString(), Does.Contain("same giver"));
        Assert.That(detail.GetProperty("corrections").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task An_unknown_donation_is_a_404_problem()
    {
        using var response = await Client.GetAsync("/api/v1/donations/987654");

        var problem = await response.Problem(404);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("987654"));
    }

    [Test]
    public async Task A_cursor_the_ledger_did_not_give_out_is_a_problem()
    {
        using var response = await Client.GetAsync("/api/v1/donations?cursor=bm90LWEtY3Vyc29y");

        var problem = await response.Problem(400);
        Assert.That(problem.Fields(), Is.EqualTo(new[] { "cursor" }));
        Assert.That(problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), Is.EqualTo("the cursor is not one this ledger gave out for this order."));
    }

    [Test]
    public async Task Bad_list_parameters_are_named_in_one_problem()
    {
        using var response = await Client.GetAsync("/api/v1/donations?sort=size&limit=0&min_amount=-5&from=2020-13-01");

        Assert.That((await response.Problem(400)).Fields(), Is.EquivalentTo(new[] { "sort", "limit", "min_amount", "from" }));
    }
}
