using Ledger.Storage;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Ledger.Tests.Api;

/// <summary>Inputs that once broke the ledger or its reads: each is refused with a clear problem, or read without harm, and nothing is lost.</summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class HostileInputTests(StoreKind store)
{
    private LedgerApiFactory Empty(params (string Name, string Value)[] settings) =>
        new(store, settings.Append((Name: "Ledger:Seeds", Value: "")).ToDictionary(s => s.Name, s => (string?)s.Value));

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task A_figure_beyond_any_gift_is_left_unread_for_the_audit_and_every_read_still_answers()
    {
        using var api = Empty();
        using var writer = api.Writer();

        foreach (var (name, sentence) in new[]
                 {
                     ("overflow.txt", "某某癸公司向某医院捐款92233720368547758元。"),
                     ("decimal.txt", "某公司捐款9999999999999999999999999999元。"),
                     ("words.txt", "某公司捐款一万亿亿亿元。"),
                     ("fine.txt", "哈尔滨银行向哈尔滨市慈善总会捐款200万元。"),
                 })
        {
            using var response = await writer.PostAsync($"/api/v1/documents?name={name}", Text("捐赠通报\n\n" + sentence));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), name);
        }

        foreach (var read in new[] { "totals?by=donor-kind", "totals?by=month", "totals?by=recipient", "charts/timeline", "charts/flows", "donations" })
        {
            using var response = await writer.GetAsync("/api/v1/" + read);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), read);
        }
        var byDonor = await writer.Json("/api/v1/totals?by=donor");
        Assert.That(byDonor.Items().Sum(t => t.Yuan("cash_cny")), Is.EqualTo(2_000_000m), "only the believable gift counts");
        var unread = (await writer.Json("/api/v1/audit/unread-figures")).Items().Select(u => u.GetProperty("what").GetString()).ToList();
        Assert.That(unread, Has.Exactly(3).StartsWith("beyond any one gift"));
        Assert.That(unread, Does.Contain("beyond any one gift: 92233720368547758元"));
    }

    [TestCase("""{"donor":"x","cash":{"yuan":5,"qualifier":null},"statement":"s","entered_by":"e"}""", "cash.qualifier")]
    [TestCase("""{"donor":"x","cash":{"yuan":5},"items":[{"category":null,"name":"口罩"}],"statement":"s","entered_by":"e"}""", "items[0].category")]
    [TestCase("""{"donor":"x","cash":{"yuan":5},"recipients":null,"statement":"s","entered_by":"e"}""", "recipients")]
    [TestCase("""{"donor":"x","cash":{"yuan":5},"items":null,"statement":"s","entered_by":"e"}""", "items")]
    [TestCase("""{"donor":"x","cash":{"yuan":5},"items":[null],"statement":"s","entered_by":"e"}""", "items[0]")]
    [TestCase("""{"donor":"x","cash":{"yuan":0.001},"statement":"s","entered_by":"e"}""", "cash.yuan")]
    [TestCase("""{"donor":"x\u202e","cash":{"yuan":5},"statement":"s","entered_by":"e"}""", "donor")]
    [TestCase("""{"donor":"x","recipients":["\u200b医院"],"cash":{"yuan":5},"statement":"s","entered_by":"e"}""", "recipients[0]")]
    [TestCase("""{"donor":"\uFEFF某公司","cash":{"yuan":5},"statement":"s","entered_by":"e"}""", "donor")]
    [TestCase("""{"donor":"某公司\uFFFF","cash":{"yuan":5},"statement":"s","entered_by":"e"}""", "donor")]
    public async Task A_null_a_sub_fen_amount_or_a_hidden_character_in_an_entry_is_a_400_naming_the_field(string body, string field)
    {
        using var api = Empty();
        using var writer = api.Writer();
        var revision = await api.Revision();

        using var response = await writer.PostAsync("/api/v1/donations", Json(body));

        Assert.That((await response.Problem(400)).Fields(), Is.EqualTo(new[] { field }));
        Assert.That(await api.Revision(), Is.EqualTo(revision));
    }

    [TestCase("""{"field":null,"yuan":5,"who":"Li","why":"receipt"}""", "field")]
    [TestCase("""{"field":"cash","yuan":0.001,"who":"Li","why":"receipt"}""", "yuan")]
    [TestCase("""{"field":"cash","yuan":5,"who":"Li\u2066","why":"receipt"}""", "who")]
    public async Task A_bad_correction_is_a_400_naming_the_field(string body, string field)
    {
        using var api = Empty();
        using var writer = api.Writer();
        (await writer.PostAsync("/api/v1/documents?name=a.txt", Text("捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款200万元。"))).Dispose();
        var revision = await api.Revision();

        using var response = await writer.PostAsync("/api/v1/donations/1/corrections", Json(body));

        Assert.That((await response.Problem(400)).Fields(), Is.EqualTo(new[] { field }));
        Assert.That(await api.Revision(), Is.EqualTo(revision));
    }

    [TestCase("\u200b")]
    [TestCase("report\u202e.txt")]
    [TestCase("\ufeffreport.txt")]
    public async Task A_document_name_with_a_hidden_character_is_refused(string name)
    {
        using var api = Empty();
        using var writer = api.Writer();

        using var response = await writer.PostAsync($"/api/v1/documents?name={Uri.EscapeDataString(name)}", Text("捐赠通报\n\n某公司捐款5万元。"));

        Assert.That((await response.Problem(400)).Fields(), Is.EqualTo(new[] { "name" }));
        Assert.That((await writer.Json("/api/v1/documents")).GetArrayLength(), Is.EqualTo(0));
    }

    [TestCase("min_amount=100000000000000000000", "min_amount")]
    [TestCase("min_amount=-1", "min_amount")]
    public async Task A_minimum_amount_beyond_any_gift_is_a_400(string query, string field)
    {
        using var api = Empty();
        using var response = await api.CreateClient().GetAsync("/api/v1/donations?" + query);

        Assert.That((await response.Problem(400)).Fields(), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task A_number_the_parameter_cannot_hold_is_a_400_that_names_it_as_users_do()
    {
        using var api = Empty();
        using var response = await api.CreateClient().GetAsync("/api/v1/donations?min_amount=1e40");

        var problem = await response.Problem(400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("min_amount").And.Not.Contain("Nullable"));
    }

    [TestCase("%20")]
    [TestCase("%E3%80%80")]
    public async Task A_blank_organization_name_is_a_404(string name)
    {
        using var api = Empty();
        using var response = await api.CreateClient().GetAsync("/api/v1/organizations/" + name);

        await response.Problem(404);
    }

    [Test]
    public async Task A_report_holding_a_nul_is_refused_and_nothing_is_written()
    {
        using var api = Empty();
        using var writer = api.Writer();
        var revision = await api.Revision();

        using var response = await writer.PostAsync("/api/v1/documents?name=binary.txt", Text("捐赠通报\n\n哈尔滨银行\0向哈尔滨市慈善总会捐款200万元。"));

        var problem = await response.Problem(400);
        Assert.That(problem.Fields(), Is.EqualTo(new[] { "text" }));
        Assert.That(problem.ToString(), Does.Contain("U+0000"));
        Assert.That(await api.Revision(), Is.EqualTo(revision));
    }

    [TestCase("/api/v1/totals?by=donor&document=a%00b")]
    [TestCase("/api/v1/donations?text=%00")]
    public async Task An_address_holding_a_nul_is_a_400_on_every_store(string address)
    {
        using var response = await SeededApi.For(store).CreateClient().GetAsync(address);

        var problem = await response.Problem(400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("U+0000"));
    }

    [Test]
    public async Task Wrong_keys_count_against_the_write_limit()
    {
        using var api = Empty(("Ledger:WritesPerMinute", "5"));
        using var wrong = api.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "guess");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await wrong.PostAsync("/api/v1/donations", Json("{}"));
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses.Count(s => s == HttpStatusCode.Forbidden), Is.EqualTo(5));
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.EqualTo(7));
    }

    [Test]
    public async Task A_writer_that_cannot_get_the_lock_in_time_answers_503_with_retry_after_and_writes_nothing()
    {
        using var api = Empty(("Ledger:BusySeconds", "1"));
        using var writer = api.Writer();
        var revision = await api.Revision();

        using (var other = LedgerDatabase.Open(api.Database))
        await using (var holder = other.Connect())
        {
            using var hold = other.BeginWrite(holder);
            using var response = await writer.PostAsync("/api/v1/documents?name=a.txt", Text("捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款200万元。"));

            await response.Problem(503);
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            hold.Rollback();
        }

        Assert.That(await api.Revision(), Is.EqualTo(revision));
        using var again = await writer.PostAsync("/api/v1/documents?name=a.txt", Text("捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款200万元。"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_long_report_keeps_no_other_writer_waiting_and_answers_with_a_summary_and_a_link()
    {
        // 4,650 gifts on one 200 KB line: read before the write lock is taken, stored with prepared statements, so the
        // lock is held a fraction of a second and short reports posted meanwhile wait at most that (once 109 s, then 500s).
        using var api = Empty();
        using var writer = api.Writer();
        var line = string.Concat(Enumerable.Repeat("某公司向某医院捐赠口罩1000只，", 4650)) + "。";

        var slow = writer.PostAsync("/api/v1/documents?name=long.txt", Text("捐赠通报\n\n" + line));
        var quick = new List<HttpStatusCode>();
        while (!slow.IsCompleted && quick.Count < 20)
        {
            using var response = await writer.PostAsync($"/api/v1/documents?name=short-{quick.Count}.txt",
                Text($"捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款{quick.Count + 1}万元。"));
            quick.Add(response.StatusCode);
            await Task.Delay(100);
        }
        using var long_ = await slow;
        var body = await long_.Content.ReadAsStringAsync();

        Assert.That(long_.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(quick, Has.All.EqualTo(HttpStatusCode.Created));
        Assert.That(body.Length, Is.LessThan(4_000), "a summary, not every record");
        var summary = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.That(summary.GetProperty("result").GetProperty("records").GetInt32(), Is.EqualTo(4650));
        using var page = await writer.GetAsync(summary.GetProperty("records_link").GetString() + "?limit=100");
        Assert.That(page.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("4650"));
        Assert.That(Stores.Size(api.Database), Is.LessThan(40_000_000),
            "evidence stays a sentence's clause, not the whole line again for every gift");
    }

    [Test]
    public async Task A_key_sent_in_the_query_string_never_reaches_the_log()
    {
        var logged = new ConcurrentQueue<string>();
        using var api = Empty();
        using var logging = api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<ILoggerProvider>(new Capture(logged))));
        using var client = logging.CreateClient();

        (await client.PostAsync("/api/v1/documents?name=a.txt&api_key=s3cret-in-query", Text("x"))).Dispose();
        (await client.GetAsync("/api/v1/donations?api_key=s3cret-in-query&limit=5")).Dispose();

        Assert.That(logged, Has.Some.Contains("/api/v1/documents"), "requests are logged");
        Assert.That(logged, Has.None.Contains("s3cret-in-query"));
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
