using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Ledger.Tests.Cli;
using NUnit.Framework;

namespace Ledger.Tests.Api;

/// <summary>
/// Random ledgers, built through the API as users build them (reports, repeated reports, a report
/// replaced, gifts entered by hand to one or several receivers, undated gifts, reported totals,
/// bounds, foreign currency, corrections), read through every route with random filters: the
/// donations list, totals by every grouping, the charts, supplies and `ledger totals` give the same
/// figures, and every grouping adds up to the totals by donor.
/// </summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class OneLedgerPropertyTests(StoreKind store)
{
    private static readonly string[] Givers = ["吴庆和", "赵国良", "哈尔滨银行", "黑龙江飞鹤乳业有限公司", "哈药集团", "李秀英"];
    private static readonly string[] Receivers = ["哈尔滨市第一医院", "哈尔滨医科大学附属第一医院", "黑龙江省红十字会", "道里区疾控中心", "哈尔滨市慈善总会"];
    private static readonly string[] Qualifiers = ["exact", "exact", "at_least", "at_most", "about"];

    private abstract record Step;

    /// <summary>A report under one of a few names (the same name again replaces it), dated or not.</summary>
    private sealed record Report(int Name, int? Day, string Sentences) : Step;

    private sealed record Entry(string Donor, string Recipients, decimal? Cash, string CashQualifier, decimal? Goods, string GoodsQualifier,
        int? Masks, int? Day, bool Aggregate) : Step;

    /// <summary>A correction of the nth donation (by id, modulo their number); null removes the figure.</summary>
    private sealed record Correction(int Donation, string Field, decimal? Yuan) : Step;

    /// <param name="Donor">Filter on the giver of the nth gift, by id or by name.</param>
    /// <param name="Recipient">Filter on the nth receiver named, by name.</param>
    private sealed record Filter(string? From, string? To, string? Category, string? DonorKind, int? Document, int? Donor = null, int? Recipient = null)
    {
        public IEnumerable<(string Name, string Value)> Query(IReadOnlyList<string> documents, IReadOnlyList<(long Id, string Name)> givers, IReadOnlyList<string> receivers)
        {
            if (From is not null) yield return ("from", From);
            if (To is not null) yield return ("to", To);
            if (Category is not null) yield return ("category", Category);
            if (DonorKind is not null) yield return ("donor_kind", DonorKind);
            if (Document is { } n && documents.Count > 0) yield return ("document", documents[n % documents.Count]);
            if (Donor is { } d && givers.Count > 0)
                yield return ("donor", d % 2 == 0 ? givers[d % givers.Count].Id.ToString(CultureInfo.InvariantCulture) : givers[d % givers.Count].Name);
            if (Recipient is { } r && receivers.Count > 0) yield return ("recipient", receivers[r % receivers.Count]);
        }
    }

    private static Gen<string> Sentence() =>
        from giver in Gen.Elements(Givers)
        from receiver in Gen.Elements(Receivers)
        from other in Gen.Elements(Receivers)
        from wan in Gen.Choose(1, 300)
        from count in Gen.Choose(1, 90)
        from template in Gen.Choose(0, 6)
        select template switch
        {
            0 => $"{giver}向{receiver}捐款{wan}万元。",
            1 => $"{giver}向{receiver}、{other}捐赠医用口罩{count}万只,价值{wan}万元。",
            2 => $"截至目前,{giver}累计捐款{wan}万元。",
            3 => $"{giver}捐款{wan}余万元,用于疫情防控。",
            4 => $"{giver}向{receiver}捐款{wan}万港元。",
            5 => $"{giver}向{receiver}捐赠防护服{count}00套。",
            _ => $"{giver}通过{receiver}捐款近{wan}万元。",
        };

    private static Gen<Step> Steps() => Gen.Frequency(
        (3, from name in Gen.Choose(0, 3)
            from dated in Gen.Elements(true, true, false)
            from day in Gen.Choose(1, 60)
            from sentences in Gen.ListOf(Sentence()).Select(s => string.Concat(s.Take(5)))
            select (Step)new Report(name, dated ? day : null, sentences)),
        (4, from donor in Gen.Elements(Givers)
            from recipients in Gen.Choose(0, 3).SelectMany(n => Gen.Shuffle(Receivers).Select(r => string.Join('、', r.Take(n))))
            from cash in Gen.Elements<decimal?>(null, 1_000m, 25_500m, 500_000m, 3_000_000m)
            from cashQualifier in Gen.Elements(Qualifiers)
            from goods in Gen.Elements<decimal?>(null, null, 50_000m, 120_000.5m)
            from goodsQualifier in Gen.Elements(Qualifiers)
            from masks in Gen.Elements<int?>(null, 2000, 35_000)
            from dated in Gen.Elements(true, false)
            from day in Gen.Choose(1, 60)
            from aggregate in Gen.Elements(false, false, false, true)
            select (Step)new Entry(donor, recipients, cash ?? (goods is null && masks is null ? 800m : null), cashQualifier, goods, goodsQualifier, masks,
                dated ? day : null, aggregate)),
        (2, from donation in Gen.Choose(0, 1000)
            from field in Gen.Elements("cash", "goods_value", "combined")
            from yuan in Gen.Elements<decimal?>(null, 7m, 90_000m, 1_900_000m)
            select (Step)new Correction(donation, field, yuan)));

    private static Gen<Filter> Filters() =>
        from start in Gen.Elements<string?>(null, null, "2020-01-15", "2020-02-01")
        from end in Gen.Elements<string?>(null, null, "2020-02-10", "2020-03-31")
        from category in Gen.Elements<string?>(null, null, null, "mask", "protective_suit")
        from kind in Gen.Elements<string?>(null, null, null, "person", "company")
        from document in Gen.Elements<int?>(null, null, null, 0, 1)
        from donor in Gen.Elements<int?>(null, null, null, 0, 1, 2)
        from recipient in Gen.Elements<int?>(null, null, null, 0, 1)
        select new Filter(start, end, category, kind, document, donor, recipient);

    private static readonly string[] Groupings = ["donor", "recipient", "donor-kind", "category", "month", "document"];

    private static readonly string[] Figures = ["cash", "goods_value", "combined"];

    [FsCheck.NUnit.Property(MaxTest = 8, QuietOnSuccess = true)]
    public Property Every_route_chart_and_command_gives_the_same_figures() =>
        Prop.ForAll(Gen.ListOf(Steps()).Select(s => s.Take(14).ToList()).ToArbitrary(), Gen.ListOf(Filters()).Select(f => f.Take(3).Prepend(new Filter(null, null, null, null, null)).ToList()).ToArbitrary(),
            Gen.Elements(Groupings).ToArbitrary(),
            (steps, filters, cliGrouping) => Agree(steps, filters, cliGrouping).GetAwaiter().GetResult());

    private async Task<bool> Agree(List<Step> steps, List<Filter> filters, string cliGrouping)
    {
        using var api = new LedgerApiFactory(store, new Dictionary<string, string?> { ["Ledger:Seeds"] = "" });
        using var writer = api.Writer();
        var corrected = await Build(writer, steps);
        var documents = (await writer.Json("/api/v1/documents?limit=1000")).Items().Select(d => d.GetProperty("name").GetString()!).ToList();
        var everything = await AllDonations(writer, "", null);
        var givers = everything.Select(d => d.GetProperty("donor")).Select(o => (o.GetProperty("id").GetInt64(), o.GetProperty("name").GetString()!))
            .Distinct().ToList();
        // A receiver by the name the ledger gives it (one a single organization answers to).
        var receivers = everything.SelectMany(d => d.GetProperty("recipients").Items()).Select(o => o.GetProperty("name").GetString()!).Distinct()
            .Where(name => Receivers.Contains(name)).ToList();
        foreach (var filter in filters)
        {
            var query = filter.Query(documents, givers, receivers).ToList();
            var parameters = string.Concat(query.Select(q => $"&{q.Name}={Uri.EscapeDataString(q.Value)}"));
            var listed = await AllDonations(writer, parameters, filter.DonorKind);
            var gifts = listed.Where(d => !d.GetProperty("aggregate").GetBoolean()).ToList();
            var reported = listed.Where(d => d.GetProperty("aggregate").GetBoolean()).ToList();

            var byDonor = await writer.Json("/api/v1/totals?by=donor" + parameters);
            foreach (var by in Groupings)
            {
                var groups = by == "donor" ? byDonor : await writer.Json($"/api/v1/totals?by={by}" + parameters);
                foreach (var figure in Figures)
                {
                    Same($"{by} {figure}", Sum(groups, figure + "_cny"), Sum(gifts, figure), filter);
                    Same($"{by} reported {figure}", Sum(groups, "reported_" + figure + "_cny"), Sum(reported, figure), filter);
                }
                Same($"{by} donations", groups.Items().Sum(g => g.GetProperty("donations").GetInt32()), gifts.Count, filter);
                Same($"{by} reported totals", groups.Items().Sum(g => g.GetProperty("reported_totals").GetInt32()), reported.Count, filter);
                Same($"{by} quantities", Quantities(groups.Items().SelectMany(g => g.GetProperty("items").Items())), Quantities(gifts), filter);
                Assert.That(groups.Items().Select(g => g.GetProperty("key").GetString()), Is.Unique, by);
            }

            var timeline = await writer.Json("/api/v1/charts/timeline?" + parameters);
            foreach (var figure in Figures) Same($"timeline {figure}", Series(timeline, figure), Sum(gifts, figure), filter);
            Same("timeline donations", Series(timeline, "donations"), gifts.Count, filter);
            var top = await writer.Json("/api/v1/charts/top-donors?limit=100" + parameters);
            foreach (var figure in Figures) Same($"top donors {figure}", Series(top, figure), Sum(gifts, figure), filter);
            var flows = await writer.Json("/api/v1/charts/flows?limit=1000" + parameters);
            Same("flows", flows.GetProperty("links").Items().Sum(l => l.GetProperty("value").GetDecimal()), Figures.Sum(f => Sum(gifts, f)), filter);
            var supplies = await writer.Json("/api/v1/charts/supplies?" + parameters);
            Same("supplies chart", supplies.GetProperty("keys").Items().Select(k => k.GetString()!)
                .Zip(supplies.GetProperty("series")[0].GetProperty("data").Items(), (k, q) => (k, q.GetDecimal())).ToDictionary(), Quantities(gifts), filter);
            foreach (var by in new[] { "category", "recipient", "month" })
                Same($"supplies by {by}", Quantities((await writer.Json($"/api/v1/supplies?by={by}" + parameters)).Items().SelectMany(g => g.GetProperty("items").Items())),
                    Quantities(gifts), filter);

            // The command line prints what the API serves, byte for byte.
            if (filter == filters[^1])
            {
                var served = await writer.GetStringAsync($"/api/v1/totals?by={cliGrouping}" + parameters);
                var printed = LedgerCli.Run(["totals", "--by", cliGrouping, "--format", "json", "--db", api.Database,
                    ..query.SelectMany(q => new[] { "--" + q.Name.Replace('_', '-'), q.Value })]);
                Assert.That(printed.ExitCode, Is.EqualTo(0), printed.Error);
                Assert.That(printed.Output.TrimEnd('\n'), Is.EqualTo(served), $"ledger totals --by {cliGrouping} with {filter}");
            }
        }
        await CorrectionsAreSeenEverywhere(writer, corrected);
        return true;
    }

    /// <summary>Each corrected figure is the one the donation, its giver's totals and the audit read; the original stays.</summary>
    private static async Task CorrectionsAreSeenEverywhere(HttpClient client, Dictionary<(long Id, string Field), decimal?> corrected)
    {
        foreach (var ((id, field), yuan) in corrected)
        {
            var detail = await client.Json($"/api/v1/donations/{id}");
            var donation = detail.GetProperty("donation");
            var now = donation.GetProperty(field);
            Assert.That(now.ValueKind == JsonValueKind.Null ? null : (decimal?)now.GetProperty("yuan").GetDecimal(), Is.EqualTo(yuan), $"donation {id} {field}");
            Assert.That(detail.GetProperty("corrections").GetArrayLength(), Is.GreaterThan(0));
            // A donation whose every report was replaced keeps its history but counts nowhere.
            if (donation.GetProperty("sources").GetInt32() == 0) continue;
            var donor = donation.GetProperty("donor").GetProperty("id").GetInt64();
            var given = (await client.Json($"/api/v1/organizations/{donor}")).GetProperty("gifts").Items()
                .Concat((await client.Json($"/api/v1/organizations/{donor}")).GetProperty("reported_totals").Items())
                .Single(g => g.GetProperty("id").GetInt64() == id);
            Assert.That(given.GetProperty(field).ValueKind == JsonValueKind.Null ? null : (decimal?)given.GetProperty(field).GetProperty("yuan").GetDecimal(),
                Is.EqualTo(yuan), $"organization {donor}, gift {id}");
        }
        // The audit of reported totals against gifts sums the gifts as corrected: what the donations list says.
        var audit = await client.Json("/api/v1/audit/totals-against-gifts");
        foreach (var finding in audit.Items())
        {
            var donor = finding.GetProperty("donor").GetString()!;
            var gifts = await AllDonations(client, $"&donor={Uri.EscapeDataString(donor)}&aggregate=false", null);
            var total = (await client.Json($"/api/v1/donations/{finding.GetProperty("total_donation").GetInt64()}")).GetProperty("donation");
            Assert.That(finding.GetProperty("itemised_yuan").GetDecimal(), Is.EqualTo(Sum(gifts, "cash")), $"audit of {donor}: itemised cash");
            Assert.That(finding.GetProperty("reported_yuan").GetDecimal(), Is.EqualTo(Sum([total], "cash")), $"audit of {donor}: reported cash");
        }
    }

    private static async Task<Dictionary<(long, string), decimal?>> Build(HttpClient writer, List<Step> steps)
    {
        var corrected = new Dictionary<(long, string), decimal?>();
        foreach (var step in steps)
        {
            switch (step)
            {
                case Report report:
                    var text = new StringBuilder("关于疫情防控捐赠情况的通报\n\n");
                    if (report.Day is { } day) text.Append(Day(day).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)).Append('\n');
                    text.Append(report.Sentences.Replace("。", "。\n"));
                    using (var response = await writer.PostAsync($"/api/v1/documents?name=report-{report.Name}.txt&year=2020",
                               new StringContent(text.ToString(), Encoding.UTF8, "text/plain")))
                        Assert.That((int)response.StatusCode, Is.AnyOf(200, 201), await response.Content.ReadAsStringAsync());
                    break;
                case Entry entry:
                    using (var response = await writer.PostJson("/api/v1/donations", new
                           {
                               donor = entry.Donor,
                               recipients = entry.Recipients.Split('、', StringSplitOptions.RemoveEmptyEntries),
                               cash = entry.Cash is { } cash ? new { yuan = cash, qualifier = entry.CashQualifier } : null,
                               goods_value = entry.Goods is { } goods ? new { yuan = goods, qualifier = entry.GoodsQualifier } : null,
                               items = entry.Masks is { } masks ? new[] { new { category = "mask", name = "医用口罩", quantity = (decimal?)masks, unit = "只", qualifier = "exact" } } : [],
                               date = entry.Day is { } d ? Day(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                               aggregate = entry.Aggregate,
                               statement = $"{entry.Donor}的捐赠回执",
                               entered_by = "auditor Li",
                           }))
                        Assert.That((int)response.StatusCode, Is.AnyOf(200, 201), await response.Content.ReadAsStringAsync());
                    break;
                case Correction correction:
                    var ids = (await AllDonations(writer, "&sort=id", null)).Select(d => d.GetProperty("id").GetInt64()).ToList();
                    if (ids.Count == 0) break;
                    var id = ids[correction.Donation % ids.Count];
                    using (var response = await writer.PostJson($"/api/v1/donations/{id}/corrections",
                               new { field = correction.Field, yuan = correction.Yuan, who = "auditor Li", why = "the receipt" }))
                        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
                    corrected[(id, correction.Field)] = correction.Yuan;
                    break;
            }
        }
        return corrected;
    }

    private static DateOnly Day(int day) => new DateOnly(2020, 1, 10).AddDays(day);

    private static async Task<List<JsonElement>> AllDonations(HttpClient client, string parameters, string? donorKind)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.Json("/api/v1/donations?limit=500" + parameters + (cursor is null ? "" : "&cursor=" + cursor));
            all.AddRange(page.GetProperty("donations").Items());
            cursor = page.GetProperty("next_cursor").GetString();
        } while (cursor is not null);
        // The list has no donor_kind filter: the giver's kind is on each donation.
        return all.Where(d => donorKind is null || d.GetProperty("donor").GetProperty("kind").GetString() == donorKind).ToList();
    }

    private static decimal Sum(JsonElement groups, string property) => groups.Items().Sum(g => g.Yuan(property));

    private static decimal Sum(IEnumerable<JsonElement> donations, string figure) =>
        donations.Sum(d => d.GetProperty(figure).ValueKind == JsonValueKind.Null ? 0 : d.GetProperty(figure).GetProperty("yuan").GetDecimal());

    private static decimal Series(JsonElement chart, string name) =>
        chart.GetProperty("series").Items().Single(s => s.GetProperty("name").GetString() == name).GetProperty("data").Items()
            .Sum(v => v.ValueKind == JsonValueKind.Null ? 0 : v.GetDecimal());

    private static Dictionary<string, decimal> Quantities(IEnumerable<JsonElement> items) =>
        items.SelectMany(i => i.TryGetProperty("items", out var inner) ? inner.Items() : [i])
            .Where(i => i.GetProperty("quantity").ValueKind != JsonValueKind.Null)
            .GroupBy(i => $"{i.GetProperty("category").GetString()}|{i.GetProperty("unit").GetString()}")
            .ToDictionary(g => g.Key, g => g.Sum(i => i.GetProperty("quantity").GetDecimal()));

    private static void Same<T>(string what, T actual, T expected, Filter filter) =>
        Assert.That(actual, Is.EqualTo(expected), $"{what}, filter {filter}");
}
