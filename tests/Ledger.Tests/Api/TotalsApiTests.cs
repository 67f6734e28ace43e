using NUnit.Framework;
using Ledger.Tests.Cli;

namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class TotalsApiTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    [Test]
    public async Task Totals_by_donor_are_the_objects_ledger_totals_prints_for_the_same_file()
    {
        using var response = await Client.GetAsync("/api/v1/totals?by=donor");
        var served = await response.Content.ReadAsStringAsync();

        var printed = LedgerCli.Run("totals", "--by", "donor", "--format", "json", "--db", SeededApi.For(store).Database);

        Assert.That(printed.ExitCode, Is.EqualTo(0), printed.Error);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(served, Is.EqualTo(printed.Output.TrimEnd('\n')));
    }

    [Test]
    public async Task Wu_Qinghe_gave_two_million_itemised_beside_one_reported_total_of_two_million()
    {
        var totals = await Client.Json("/api/v1/totals?by=donor");

        var wu = totals.Items().Single(t => t.GetProperty("name").GetString() == "吴庆和");
        Assert.That(wu.Yuan("cash_cny"), Is.EqualTo(2_000_000m));
        Assert.That(wu.Yuan("reported_cash_cny"), Is.EqualTo(2_000_000m));
        Assert.That(wu.GetProperty("donations").GetInt32(), Is.EqualTo(2));
        Assert.That(wu.GetProperty("reported_totals").GetInt32(), Is.EqualTo(1));
    }

    [TestCase("recipient")]
    [TestCase("donor-kind")]
    [TestCase("category")]
    [TestCase("month")]
    [TestCase("document")]
    public async Task Every_grouping_gives_one_object_per_group_with_key_and_name(string by)
    {
        var totals = await Client.Json($"/api/v1/totals?by={by}");

        Assert.That(totals.GetArrayLength(), Is.GreaterThan(0));
        var keys = totals.Items().Select(t => t.GetProperty("key").GetString()).ToList();
        Assert.That(keys, Is.Unique);
        Assert.That(totals.Items().All(t => t.GetProperty("name").GetString()!.Length > 0));
    }

    [Test]
    public async Task A_filter_narrows_the_totals_to_the_gifts_it_names()
    {
        var all = await Client.Json("/api/v1/totals?by=category");
        var masks = await Client.Json("/api/v1/totals?by=category&category=mask");

        Assert.That(masks.Items().Select(t => t.GetProperty("key").GetString()), Does.Contain("mask"));
        Assert.That(masks.GetArrayLength(), Is.LessThan(all.GetArrayLength()));
    }

    [Test]
    public async Task Totals_come_as_csv_with_the_same_groups()
    {
        using var response = await Client.GetAsync("/api/v1/totals?by=donor&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csv, Does.StartWith("key,name,cash_cny,"));
        Assert.That(csv.Split('\n').Single(l => l.Contains("吴庆和")), Does.Contain(",2000000,exact,"));
    }

    [TestCase("donor")]
    [TestCase("recipient")]
    public async Task Pages_of_totals_put_together_are_the_whole_answer(string by)
    {
        var whole = await Client.Json($"/api/v1/totals?by={by}");

        var pages = new List<System.Text.Json.JsonElement>();
        for (var offset = 0; offset < whole.GetArrayLength(); offset += 7)
        {
            using var response = await Client.GetAsync($"/api/v1/totals?by={by}&offset={offset}&limit=7");
            Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo(whole.GetArrayLength().ToString()));
            pages.AddRange(System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Items());
        }
        var past = await Client.Json($"/api/v1/totals?by={by}&offset={whole.GetArrayLength()}&limit=5");

        Assert.That(pages.Select(p => p.GetRawText()), Is.EqualTo(whole.Items().Select(w => w.GetRawText())));
        Assert.That(past.GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task An_unknown_grouping_or_date_is_a_problem_naming_each_field()
    {
        using var response = await Client.GetAsync("/api/v1/totals?by=colour&from=yesterday&category=hats");

        var problem = await response.Problem(400);
        Assert.That(problem.Fields(), Is.EquivalentTo(new[] { "by", "from", "category" }));
    }

    [TestCase("/api/v1/totals?by=donor")]
    [TestCase("/api/v1/charts/top-donors?limit=10")]
    [TestCase("/api/v1/supplies?by=category")]
    public async Task A_document_filter_takes_an_id_or_a_name_and_an_unknown_one_is_a_404(string url)
    {
        var client = SeededApi.For(store).CreateClient();
        var document = (await client.Json("/api/v1/documents")).Items().First(d => d.GetProperty("records").GetInt32() > 0);
        var id = document.GetProperty("id").GetInt64();
        var name = document.GetProperty("name").GetString()!;

        var byId = await client.GetStringAsync($"{url}&document={id}");
        var byName = await client.GetStringAsync($"{url}&document={Uri.EscapeDataString(name)}");
        using var unknown = await client.GetAsync($"{url}&document=no-such-report.txt");

        Assert.That(byId, Is.EqualTo(byName));
        Assert.That((int)unknown.StatusCode, Is.EqualTo(404));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("recipient")]
    [TestCase("category")]
    [TestCase("document")]
    [TestCase("month")]
    [TestCase("donor-kind")]
    public async Task Every_grouping_adds_up_to_the_totals_by_donor(string by)
    {
        var donors = await Client.Json("/api/v1/totals?by=donor");
        var groups = await Client.Json($"/api/v1/totals?by={by}");

        foreach (var figure in new[] { "cash_cny", "goods_value_cny", "combined_cny", "reported_cash_cny", "reported_goods_value_cny", "reported_combined_cny" })
            Assert.That(groups.Items().Sum(g => g.Yuan(figure)), Is.EqualTo(donors.Items().Sum(d => d.Yuan(figure))), figure);
        Assert.That(groups.Items().Sum(g => g.GetProperty("donations").GetInt32()), Is.EqualTo(donors.Items().Sum(d => d.GetProperty("donations").GetInt32())));
    }

    [Test]
    public async Task Zhao_Guoliangs_goods_to_ten_receivers_count_once_in_their_shared_group_never_in_each()
    {
        var recipients = await Client.Json("/api/v1/totals?by=recipient");

        var shared = recipients.Items().Where(r => r.TryGetProperty("shared_among", out _)).ToList();
        var tenfold = shared.Single(r => r.GetProperty("shared_among").GetArrayLength() == 10);
        Assert.That(tenfold.Yuan("goods_value_cny"), Is.EqualTo(50_000m));
        Assert.That(tenfold.GetProperty("key").GetString(), Does.Contain("+"));
        Assert.That(tenfold.GetProperty("name").GetString(), Does.Contain("哈尔滨医科大学附属第一医院"));
        // None of the ten has the 50,000 (nor a tenth of it) in a row of its own.
        var members = tenfold.GetProperty("shared_among").Items().Select(m => m.GetProperty("key").GetString()).ToHashSet();
        var own = recipients.Items().Where(r => members.Contains(r.GetProperty("key").GetString())).ToList();
        Assert.That(own.Select(r => r.Yuan("goods_value_cny")), Has.None.EqualTo(50_000m).And.None.EqualTo(5_000m));
    }

    [Test]
    public async Task Gifts_that_name_no_receiver_are_one_group_so_nothing_drops_out()
    {
        var recipients = await Client.Json("/api/v1/totals?by=recipient");
        var unnamed = await Client.Json("/api/v1/donations?aggregate=false&limit=500");

        var none = recipients.Items().Single(r => r.GetProperty("key").GetString() == "none");
        Assert.That(none.GetProperty("name").GetString(), Is.EqualTo("未注明受赠方"));
        var withoutReceiver = unnamed.GetProperty("donations").Items().Count(d => d.GetProperty("recipients").GetArrayLength() == 0);
        Assert.That(none.GetProperty("donations").GetInt32(), Is.EqualTo(withoutReceiver));
    }

    [TestCase("/api/v1/totals?by=recipient")]
    [TestCase("/api/v1/charts/flows?limit=100")]
    [TestCase("/api/v1/supplies?by=recipient")]
    public async Task A_donor_filter_takes_an_id_or_a_name_and_an_unknown_one_is_a_404(string url)
    {
        var zhao = (await Client.Json($"/api/v1/organizations?q={Uri.EscapeDataString("赵国良")}")).Items().Single().GetProperty("id").GetInt64();

        var byId = await Client.GetStringAsync($"{url}&donor={zhao}");
        var byName = await Client.GetStringAsync($"{url}&donor={Uri.EscapeDataString("赵国良")}");
        using var unknown = await Client.GetAsync($"{url}&donor={Uri.EscapeDataString("无此捐赠人")}");
        using var several = await Client.GetAsync($"{url}&recipient={Uri.EscapeDataString("哈尔滨")}");

        Assert.That(byId, Is.EqualTo(byName));
        Assert.That(byName, Does.Contain("哈尔滨医科大学附属第一医院").And.Not.Contain("吴庆和"));
        await unknown.Problem(404);
        Assert.That((await several.Problem(400)).Fields(), Is.EqualTo(new[] { "recipient" }));
    }

    [Test]
    public async Task Totals_to_a_receiver_count_what_it_got_alone_and_shared_and_the_command_line_agrees()
    {
        var served = await Client.GetStringAsync($"/api/v1/totals?by=donor&recipient={Uri.EscapeDataString("哈医大一院")}");

        var printed = LedgerCli.Run("totals", "--by", "donor", "--recipient", "哈医大一院", "--format", "json", "--db", SeededApi.For(store).Database);

        Assert.That(printed.ExitCode, Is.EqualTo(0), printed.Error);
        Assert.That(printed.Output.TrimEnd('\n'), Is.EqualTo(served));
        var zhao = System.Text.Json.JsonDocument.Parse(served).RootElement.Items().Single(t => t.GetProperty("name").GetString() == "赵国良");
        Assert.That(zhao.Yuan("goods_value_cny"), Is.EqualTo(50_000m), "the gift shared by ten receivers, whole");
    }
}
