using NUnit.Framework;
using System.Net;
using System.Net.Http.Headers;

namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class HttpBehaviourTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    [Test]
    public async Task A_large_read_goes_gzipped_to_a_client_that_takes_it_and_plain_to_one_that_does_not()
    {
        using var api = new LedgerApiFactory(store, new Dictionary<string, string?> { ["Ledger:Seeds"] = "" });
        using var writer = api.Writer();
        var gifts = string.Concat(Enumerable.Range(1, 600).Select(n => $"某公司{n}向某医院捐赠口罩{n * 10}只。"));
        using (var posted = await writer.PostAsync("/api/v1/documents?name=many.txt", new StringContent("捐赠通报\n\n" + gifts)))
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var client = api.CreateClient();

        var plain = await client.GetAsync("/api/v1/donations?limit=500");
        var bodies = new List<string>();
        for (var asked = 0; asked < 2; asked++)
        {
            // The first answer is made and kept, the second served from what was kept: both gzipped.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/donations?limit=500");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var zipped = await client.SendAsync(request);
            Assert.That(zipped.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
            Assert.That(zipped.Headers.Vary, Does.Contain("Accept-Encoding"));
            var compressed = await zipped.Content.ReadAsByteArrayAsync();
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
            bodies.Add(await new StreamReader(gzip).ReadToEndAsync());
            Assert.That(compressed.Length, Is.LessThan(bodies[^1].Length / 3));
        }

        var text = await plain.Content.ReadAsStringAsync();
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(text.Length, Is.GreaterThan(64 * 1024));
        Assert.That(bodies, Has.All.EqualTo(text));
    }

    [Test]
    public async Task A_weak_etag_of_the_current_revision_is_304_too()
    {
        using var first = await Client.GetAsync("/api/v1/totals?by=donor");
        var tag = first.Headers.ETag!.Tag;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/totals?by=donor");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag, isWeak: true));
        using var second = await Client.SendAsync(again);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Health_says_ok_with_the_seeds_in_the_ledger()
    {
        var health = await Client.Json("/health");

        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(health.GetProperty("documents").GetInt64(), Is.EqualTo(5));
        Assert.That(health.GetProperty("donations").GetInt64(), Is.GreaterThan(50));
    }

    [TestCase("/api/v1/totals?by=donor")]
    [TestCase("/api/v1/donations")]
    [TestCase("/api/v1/charts/flows")]
    [TestCase("/api/v1/audit")]
    public async Task A_read_asked_again_with_its_etag_is_304_without_a_body(string url)
    {
        using var first = await Client.GetAsync(url);
        var tag = first.Headers.ETag;
        Assert.That(tag, Is.Not.Null);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag!);
        using var second = await Client.SendAsync(again);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(second.Headers.ETag, Is.EqualTo(tag));
    }

    [Test]
    public async Task An_old_etag_gets_the_full_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/totals?by=donor");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0-0.0.0\""));

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_chart_page_on_an_allowed_origin_may_read_and_another_may_not()
    {
        using var factory = new LedgerApiFactory(store, new Dictionary<string, string?> { ["Ledger:CorsOrigins:0"] = "https://charts.example" });
        using var client = factory.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/charts/timeline");
        allowed.Headers.Add("Origin", "https://charts.example");
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/charts/timeline");
        other.Headers.Add("Origin", "https://elsewhere.example");
        using var allowedResponse = await client.SendAsync(allowed);
        using var otherResponse = await client.SendAsync(other);

        Assert.That(allowedResponse.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://charts.example" }));
        Assert.That(otherResponse.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Swagger_UI_is_served()
    {
        using var response = await Client.GetAsync("/swagger/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    [Test]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await Client.GetAsync("/api/v1/nothing-here");

        await response.Problem(404);
    }
}
