using NUnit.Framework;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Ledger.Tests.Api;

/// <summary>Writes, each test on a ledger of its own.</summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class WritesApiTests(StoreKind store)
{
    private LedgerApiFactory _api = null!;

    [SetUp]
    public void Start() => _api = new LedgerApiFactory(store);

    [TearDown]
    // Without a PostgreSQL to test on, the fixture stops at its set-up, before any API is started.
    public void Stop() => _api?.Dispose();

    private const string Report = "抗疫捐赠公告\n2020年2月10日，黑龙江龙江建筑有限公司向哈尔滨市红十字会捐赠医用口罩5000只，价值3万元。\n";

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static object Entry(string donor = "松北爱心药房", decimal yuan = 50_000m) => new
    {
        donor,
        recipients = new[] { "哈尔滨市第一医院" },
        goods_value = new { yuan, qualifier = "exact" },
        items = new[] { new { category = "disinfectant", name = "84消毒液", quantity = 200m, unit = "箱", qualifier = "exact" } },
        date = "2020-02-03",
        statement = "收据第0012号：松北爱心药房捐赠价值5万元的84消毒液200箱。",
        entered_by = "auditor Li",
    };

    [Test]
    public async Task A_report_posted_as_text_is_extracted_stored_and_returned_and_posting_it_again_changes_nothing()
    {
        using var writer = _api.Writer();

        using var created = await writer.PostAsync("/api/v1/documents?name=notice.txt", Text(Report));
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var revision = await _api.Revision();
        using var again = await writer.PostAsync("/api/v1/documents?name=notice.txt", Text(Report));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Headers.Location?.ToString(), Does.StartWith("/api/v1/documents/"));
        Assert.That(body.GetProperty("result").GetProperty("outcome").GetString(), Is.EqualTo("new"));
        Assert.That(body.GetProperty("result").GetProperty("records").GetInt32(), Is.EqualTo(1));
        var record = (await writer.Json(body.GetProperty("records_link").GetString()!)).Items().Single();
        Assert.That(record.GetProperty("donor").GetString(), Is.EqualTo("黑龙江龙江建筑有限公司"));
        Assert.That(record.GetProperty("goods_value").GetProperty("yuan").GetDecimal(), Is.EqualTo(30_000m));
        Assert.That(record.GetProperty("line").GetInt32(), Is.EqualTo(2));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetProperty("outcome").GetString(), Is.EqualTo("unchanged"));
        Assert.That(await _api.Revision(), Is.EqualTo(revision));
        var totals = await _api.CreateClient().Json("/api/v1/totals?by=donor");
        Assert.That(totals.Items().Single(t => t.GetProperty("name").GetString() == "黑龙江龙江建筑有限公司").Yuan("goods_value_cny"), Is.EqualTo(30_000m));
    }

    [Test]
    public async Task A_chart_kept_until_the_next_write_shows_that_write_at_once()
    {
        using var reader = _api.CreateClient();
        var before = await reader.GetStringAsync("/api/v1/charts/top-donors?limit=5");
        var again = await reader.GetStringAsync("/api/v1/charts/top-donors?limit=5");

        using var writer = _api.Writer();
        (await writer.PostAsync("/api/v1/documents?name=big.txt", Text("捐赠公告\n\n黑龙江大德集团向哈尔滨市红十字会捐款9000万元。\n"))).Dispose();
        var after = await reader.GetStringAsync("/api/v1/charts/top-donors?limit=5");

        Assert.That(again, Is.EqualTo(before));
        Assert.That(before, Does.Not.Contain("黑龙江大德集团"));
        Assert.That(after, Does.Contain("黑龙江大德集团"));
    }

    [Test]
    public async Task A_write_changes_the_etag_of_what_it_changed()
    {
        using var reader = _api.CreateClient();
        using var before = await reader.GetAsync("/api/v1/totals?by=donor");

        using var writer = _api.Writer();
        (await writer.PostAsync("/api/v1/documents?name=notice.txt", Text(Report))).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/totals?by=donor");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await reader.SendAsync(request);

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.Headers.ETag, Is.Not.EqualTo(before.Headers.ETag));
    }

    [Test]
    public async Task Without_a_key_a_write_is_401_and_with_a_wrong_key_403_and_nothing_changes()
    {
        var revision = await _api.Revision();
        using var anonymous = _api.CreateClient();
        using var wrong = _api.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");

        using var unauthenticated = await anonymous.PostAsync("/api/v1/documents?name=notice.txt", Text(Report));
        using var forbidden = await wrong.PostAsync("/api/v1/documents?name=notice.txt", Text(Report));
        using var forbiddenEntry = await wrong.PostJson("/api/v1/donations", Entry());

        await unauthenticated.Problem(401);
        await forbidden.Problem(403);
        await forbiddenEntry.Problem(403);
        Assert.That(await _api.Revision(), Is.EqualTo(revision));
    }

    [Test]
    public async Task Text_that_is_not_utf8_is_refused_field_by_field_and_nothing_changes()
    {
        var revision = await _api.Revision();
        using var writer = _api.Writer();
        var bytes = Encoding.UTF8.GetBytes("捐赠口罩").Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await writer.PostAsync("/api/v1/documents?name=broken.txt&year=1800", content);

        var problem = await response.Problem(400);
        Assert.That(problem.Fields(), Is.EquivalentTo(new[] { "text", "year" }));
        Assert.That(problem.GetProperty("errors").GetProperty("text")[0].GetString(), Does.Contain("UTF-8"));
        Assert.That(await _api.Revision(), Is.EqualTo(revision));
    }

    [Test]
    public async Task Malformed_json_is_a_problem_and_changes_nothing()
    {
        var revision = await _api.Revision();
        using var writer = _api.Writer();

        using var response = await writer.PostAsync("/api/v1/donations", new StringContent("{\"donor\": \"张三\", \"cash\": {", Encoding.UTF8, "application/json"));

        var problem = await response.Problem(400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("JSON"));
        Assert.That(await _api.Revision(), Is.EqualTo(revision));
    }

    [Test]
    public async Task Every_invalid_field_of_a_hand_entry_is_listed_and_nothing_changes()
    {
        var revision = await _api.Revision();
        using var writer = _api.Writer();

        using var response = await writer.PostJson("/api/v1/donations", new
        {
            donor = "",
            donor_kind = "wizard",
            recipients = new[] { new string('院', 300) },
            cash = new { yuan = -5m, qualifier = "exact" },
            goods_value = new { yuan = 5_000_000_000_000m, qualifier = "roughly" },
            items = new[] { new { category = "hats", name = "帽子", quantity = 10m, unit = "顶顶" } },
            date = "1848-02-30",
            statement = "",
            entered_by = "auditor Li",
        });

        var problem = await response.Problem(400);
        Assert.That(problem.Fields(), Is.SupersetOf(new[]
        {
            "donor", "donor_kind", "recipients[0]", "cash.yuan", "goods_value.yuan", "goods_value.qualifier",
            "items[0].category", "items[0].unit", "date", "statement",
        }));
        Assert.That(await _api.Revision(), Is.EqualTo(revision));
    }

    [Test]
    public async Task A_gift_entered_by_hand_counts_once_however_often_it_is_sent()
    {
        using var writer = _api.Writer();

        using var created = await writer.PostJson("/api/v1/donations", Entry());
        using var again = await writer.PostJson("/api/v1/donations", Entry());

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var donation = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.That(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("donation").GetProperty("id").GetInt64(),
            Is.EqualTo(donation.GetProperty("donation").GetProperty("id").GetInt64()));
        Assert.That(donation.GetProperty("sources")[0].GetProperty("sentence").GetString(), Does.StartWith("收据第0012号"));
        var totals = await _api.CreateClient().Json("/api/v1/totals?by=donor");
        var pharmacy = totals.Items().Single(t => t.GetProperty("name").GetString() == "松北爱心药房");
        Assert.That(pharmacy.Yuan("goods_value_cny"), Is.EqualTo(50_000m));
        Assert.That(pharmacy.GetProperty("donations").GetInt32(), Is.EqualTo(1));
        Assert.That(pharmacy.GetProperty("items")[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(200m));
    }

    [Test]
    public async Task A_correction_changes_the_totals_and_keeps_the_original_and_the_history()
    {
        using var writer = _api.Writer();
        var donation = JsonDocument.Parse(await (await writer.PostJson("/api/v1/donations", Entry())).Content.ReadAsStringAsync())
            .RootElement.GetProperty("donation").GetProperty("id").GetInt64();

        using var corrected = await writer.PostJson($"/api/v1/donations/{donation}/corrections",
            new { field = "goods_value", yuan = 45_000m, who = "auditor Li", why = "The pharmacy's invoice says 45,000 yuan." });

        Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var detail = await _api.CreateClient().Json($"/api/v1/donations/{donation}");
        Assert.That(detail.GetProperty("donation").GetProperty("goods_value").GetProperty("yuan").GetDecimal(), Is.EqualTo(45_000m));
        Assert.That(detail.GetProperty("original_goods_value").GetProperty("yuan").GetDecimal(), Is.EqualTo(50_000m));
        var history = detail.GetProperty("corrections").Items().Single();
        Assert.That(history.GetProperty("who").GetString(), Is.EqualTo("auditor Li"));
        // The figure a correction reads is in yuan, in the answer to the write and in the history.
        Assert.That(history.GetProperty("yuan").GetDecimal(), Is.EqualTo(45_000m));
        Assert.That(JsonDocument.Parse(await corrected.Content.ReadAsStringAsync()).RootElement.GetProperty("yuan").GetDecimal(), Is.EqualTo(45_000m));
        var totals = await _api.CreateClient().Json("/api/v1/totals?by=donor");
        Assert.That(totals.Items().Single(t => t.GetProperty("name").GetString() == "松北爱心药房").Yuan("goods_value_cny"), Is.EqualTo(45_000m));
    }

    [Test]
    public async Task A_correction_of_an_unknown_donation_is_404_and_of_an_unknown_field_400()
    {
        var revision = await _api.Revision();
        using var writer = _api.Writer();

        using var unknown = await writer.PostJson("/api/v1/donations/987654/corrections", new { field = "cash", yuan = 1m, who = "Li", why = "receipt" });
        using var invalid = await writer.PostJson("/api/v1/donations/1/corrections", new { field = "colour", yuan = -1m, who = "", why = "" });

        Assert.That((await unknown.Problem(404)).GetProperty("detail").GetString(), Is.EqualTo("There is no donation 987654."));
        Assert.That((await invalid.Problem(400)).Fields(), Is.EquivalentTo(new[] { "field", "yuan", "who", "why" }));
        Assert.That(await _api.Revision(), Is.EqualTo(revision));
    }

    [Test]
    public async Task A_body_over_the_limit_is_413_whether_or_not_its_length_is_declared()
    {
        using var small = new LedgerApiFactory(store, new Dictionary<string, string?> { ["Ledger:MaxBodyBytes"] = "2000" });
        var revision = await small.Revision();
        using var writer = small.Writer();
        var huge = Report + new string('很', 2000);

        using var declared = await writer.PostAsync("/api/v1/documents?name=huge.txt", Text(huge));
        using var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents?name=huge.txt") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        using var undeclared = await writer.SendAsync(chunked);

        await declared.Problem(413);
        await undeclared.Problem(413);
        Assert.That(await small.Revision(), Is.EqualTo(revision));
    }

    [Test]
    public async Task Writes_past_the_limit_a_minute_are_429_with_retry_after()
    {
        using var limited = new LedgerApiFactory(store, new Dictionary<string, string?> { ["Ledger:WritesPerMinute"] = "2" });
        using var writer = limited.Writer();

        for (var i = 0; i < 2; i++) (await writer.PostAsync($"/api/v1/documents?name=n{i}.txt", Text(Report + i))).Dispose();
        using var refused = await writer.PostAsync("/api/v1/documents?name=n3.txt", Text(Report + "3"));
        using var read = await writer.GetAsync("/api/v1/totals?by=donor");

        await refused.Problem(429);
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads are not limited");
    }
}
