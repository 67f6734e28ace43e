using System.Text.Json;
using NUnit.Framework;

namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class OrganizationsApiTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    [Test]
    public async Task Zhao_Guoliang_gave_goods_worth_fifty_thousand_yuan()
    {
        var zhao = (await Client.Json($"/api/v1/organizations?q={Uri.EscapeDataString("赵国良")}")).Items().Single();

        var detail = await Client.Json($"/api/v1/organizations/{zhao.GetProperty("id").GetInt64()}");

        Assert.That(detail.GetProperty("kind").GetString(), Is.EqualTo("person"));
        Assert.That(detail.GetProperty("given").Yuan("goods_value_cny"), Is.EqualTo(50_000m));
        Assert.That(detail.GetProperty("received").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task An_abbreviation_finds_the_hospital_under_its_full_name_with_the_reason()
    {
        var found = await Client.Json($"/api/v1/organizations?q={Uri.EscapeDataString("哈医大一院")}");

        var hospital = found.Items().Single();
        Assert.That(hospital.GetProperty("name").GetString(), Is.EqualTo("哈尔滨医科大学附属第一医院"));
        Assert.That(hospital.GetProperty("kind").GetString(), Is.EqualTo("hospital"));
        var detail = await Client.Json($"/api/v1/organizations/{hospital.GetProperty("id").GetInt64()}");
        var alias = detail.GetProperty("names").Items().Single(n => n.GetProperty("name").GetString() == "哈医大一院");
        Assert.That(alias.GetProperty("reason").GetString(), Does.Contain("full form"));
        // 赵国良's goods went to it and nine other receivers at once, with no split: a shared group, not its own row.
        Assert.That(detail.GetProperty("received").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var shared = detail.GetProperty("received_shared").Items().ToList();
        Assert.That(shared, Is.Not.Empty);
        Assert.That(shared.SelectMany(g => g.GetProperty("shared_among").Items()).Select(m => m.GetProperty("name").GetString()),
            Does.Contain("哈尔滨医科大学附属第一医院"));
    }

    [Test]
    public async Task Every_mention_carries_its_sentence_and_line()
    {
        var zhao = (await Client.Json($"/api/v1/organizations?q={Uri.EscapeDataString("赵国良")}")).Items().Single();

        var mentions = await Client.Json($"/api/v1/organizations/{zhao.GetProperty("id").GetInt64()}/mentions");

        Assert.That(mentions.GetArrayLength(), Is.GreaterThanOrEqualTo(2));
        foreach (var mention in mentions.Items())
        {
            Assert.That(mention.GetProperty("role").GetString(), Is.EqualTo("donor"));
            Assert.That(mention.GetProperty("sentence").GetString(), Does.Contain("赵国良").Or.Contain("他"));
            Assert.That(mention.GetProperty("line").GetInt32(), Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task An_unknown_organization_is_a_404_problem()
    {
        using var response = await Client.GetAsync("/api/v1/organizations/987654/mentions");

        await response.Problem(404);
    }

    [Test]
    public async Task A_search_pages_with_offset_and_says_how_many_match_in_all()
    {
        using var all = await SeededApi.For(store).CreateClient().GetAsync("/api/v1/organizations?limit=500");
        var total = int.Parse(all.Headers.GetValues("X-Total-Count").Single());
        var everyone = (await Client.Json("/api/v1/organizations?limit=500")).Items().Select(o => o.GetProperty("id").GetInt64()).ToList();

        var paged = new List<long>();
        for (var offset = 0; offset < total; offset += 7)
            paged.AddRange((await Client.Json($"/api/v1/organizations?limit=7&offset={offset}")).Items().Select(o => o.GetProperty("id").GetInt64()));

        Assert.That(total, Is.EqualTo(everyone.Count).And.GreaterThan(7));
        Assert.That(paged, Is.EqualTo(everyone));
    }

    [Test]
    public async Task One_call_answers_how_much_a_giver_gave_to_whom_and_from_which_sentence()
    {
        var wu = await Client.Json($"/api/v1/organizations/{Uri.EscapeDataString("吴庆和")}");
        var byId = await Client.Json($"/api/v1/organizations/{wu.GetProperty("id").GetInt64()}");
        var gifts = wu.GetProperty("gifts").Items().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(byId.GetRawText(), Is.EqualTo(wu.GetRawText()));
            Assert.That(gifts, Has.Count.EqualTo(2));
            Assert.That(gifts.Sum(g => g.GetProperty("total").GetDecimal()), Is.EqualTo(2_000_000m));
            Assert.That(gifts.All(g => g.GetProperty("sentence").GetString()!.Contains("100万元")));
            Assert.That(gifts.All(g => g.GetProperty("recipients").GetArrayLength() > 0));
            Assert.That(wu.GetProperty("reported_totals").Items().Single().GetProperty("total").GetDecimal(), Is.EqualTo(2_000_000m));
        });
    }

    [Test]
    public async Task An_organization_nobody_knows_is_a_404_problem()
    {
        using var response = await Client.GetAsync($"/api/v1/organizations/{Uri.EscapeDataString("某某不存在的公司")}");
        using var byId = await Client.GetAsync("/api/v1/organizations/987654");

        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await byId.Problem(404)).GetProperty("detail").GetString(), Is.EqualTo("There is no organization 987654 (organization)."));
    }
}
