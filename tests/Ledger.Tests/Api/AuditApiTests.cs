using NUnit.Framework;
namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class AuditApiTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    [Test]
    public async Task Wu_Qinghes_reported_total_stands_beside_his_itemised_gifts_with_no_difference()
    {
        var audit = await Client.Json("/api/v1/audit/totals-against-gifts");

        var wu = audit.Items().Single(a => a.GetProperty("donor").GetString() == "吴庆和");
        Assert.That(wu.GetProperty("reported_yuan").GetDecimal(), Is.EqualTo(2_000_000m));
        Assert.That(wu.GetProperty("itemised_yuan").GetDecimal(), Is.EqualTo(2_000_000m));
        Assert.That(wu.GetProperty("difference").GetDecimal(), Is.EqualTo(0m));
    }

    [Test]
    public async Task Repeated_reports_say_why_they_were_joined()
    {
        var audit = await Client.Json("/api/v1/audit/repeated-reports");

        var wu = audit.Items().Single(a => a.GetProperty("donor").GetString() == "吴庆和");
        Assert.That(wu.GetProperty("reports").Items().Select(r => r.GetProperty("why").GetString()),
            Is.EqualTo(new[] { "first report", "same giver, cash 2000000 yuan agrees" }));
    }

    [Test]
    public async Task Names_merged_by_the_rules_are_listed_with_the_rule()
    {
        var merged = await Client.Json("/api/v1/audit/merged-names");

        var hospital = merged.Items().Single(m => m.GetProperty("name").GetString() == "哈医大一院");
        Assert.That(hospital.GetProperty("organization").GetString(), Is.EqualTo("哈尔滨医科大学附属第一医院"));
        Assert.That(hospital.GetProperty("reason").GetString(), Is.EqualTo("full form 哈尔滨医科大学附属第一医院"));
    }

    [Test]
    public async Task Each_audit_lists_findings_with_their_sentence_and_the_summary_counts_them()
    {
        var summary = await Client.Json("/api/v1/audit");

        foreach (var finding in summary.GetProperty("findings").Items())
        {
            var list = await Client.Json(finding.GetProperty("link").GetString()!);
            Assert.That(list.GetArrayLength(), Is.EqualTo(finding.GetProperty("count").GetInt32()), finding.GetProperty("name").GetString());
        }
        var incomplete = await Client.Json("/api/v1/audit/incomplete-records");
        var unread = await Client.Json("/api/v1/audit/unread-figures");
        Assert.That(incomplete.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(unread.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(incomplete.Items().Concat(unread.Items()).All(f => f.GetProperty("sentence").GetString()!.Length > 0 && f.GetProperty("line").GetInt32() > 0));
    }

    [TestCase("/api/v1/audit/incomplete-records")]
    [TestCase("/api/v1/audit/merged-names")]
    public async Task Findings_page_like_every_list_and_the_pages_make_the_whole(string url)
    {
        var whole = await Client.Json(url);

        var pages = new List<System.Text.Json.JsonElement>();
        for (var offset = 0; offset < whole.GetArrayLength(); offset += 3)
        {
            using var response = await Client.GetAsync($"{url}?offset={offset}&limit=3");
            Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo(whole.GetArrayLength().ToString()));
            pages.AddRange(System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Items());
        }
        using var tooMany = await Client.GetAsync($"{url}?limit=1001");

        Assert.That(whole.GetArrayLength(), Is.GreaterThan(3));
        Assert.That(pages.Select(p => p.GetRawText()), Is.EqualTo(whole.Items().Select(w => w.GetRawText())));
        Assert.That((await tooMany.Problem(400)).Fields(), Is.EqualTo(new[] { "limit" }));
    }
}
