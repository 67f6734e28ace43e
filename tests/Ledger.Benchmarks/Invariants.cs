using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Ledger.Domain;
using Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Ledger.Benchmarks;

/// <summary>
/// Checks over the generated ledger that every way of reading totals tells the same story: each
/// grouping, under each filter, adds up to the totals by donor and to a plain SQL sum over the
/// current (corrected) donations, group by group; the kept totals by donor equal the ones computed;
/// flows add up to what each giver gave and to the receivers' groups; supplies equal the items; the
/// command line prints what the library answers; and a correction is seen everywhere it should be.
/// One line per check, with its figures and time; the exit code is 1 when any check fails.
/// </summary>
internal static class Invariants
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly TotalsGroup[] Groupings =
        [TotalsGroup.Donor, TotalsGroup.Recipient, TotalsGroup.DonorKind, TotalsGroup.Category, TotalsGroup.Month, TotalsGroup.Document];

    private static int _failures;

    public static int Run(int donations)
    {
        var whole = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var database = GeneratedLedger.Open(donations);
        var steps = GeneratedLedger.BuildSteps;
        Console.WriteLine(GeneratedLedger.BuildTime is { } built
            ? $"ledger   {database.Path}: built in {built.TotalSeconds:0.0} s (rows {steps.Rows.TotalSeconds:0.0} s, "
              + $"each giver's kept totals {steps.GiverTotals.TotalSeconds:0.0} s, commit and checkpoint {steps.Commit.TotalSeconds:0.0} s)"
            : $"ledger   {database.Path}: already built, opened in {clock.Elapsed.TotalSeconds:0.0} s");
        Describe(database);
        Sources(database);

        var totals = new Totals(database);
        var filters = Filters(database);
        var computed = new Dictionary<string, Dictionary<TotalsGroup, IReadOnlyList<TotalsRow>>>();
        foreach (var (name, filter) in filters)
        {
            clock.Restart();
            var reference = Reference.Of(database, filter);
            Console.WriteLine($"filter   {name}: plain SQL over {reference.Counted:N0} counted donations: {reference.All}  ({Seconds(clock)})");
            computed[name] = ByEveryGrouping(totals, name, filter, reference);
        }
        KeptEqualsComputed(database, totals);
        var flows = filters.ToDictionary(f => f.Name, f => Flows(totals, f.Name, f.Filter, computed[f.Name][TotalsGroup.Donor], computed[f.Name][TotalsGroup.Recipient]));
        foreach (var (name, filter) in filters) Supplies(database, totals, name, filter);
        CommandLine(database, totals);
        // The copy is the same ledger: what it reads before the correction is what was read above.
        Correction(database, computed[filters[0].Name], flows[filters[0].Name]);

        Console.WriteLine($"{(_failures == 0 ? "all checks passed" : $"{_failures} check(s) FAILED")} in {whole.Elapsed.TotalSeconds:0.0} s");
        SqliteConnection.ClearAllPools();
        return _failures == 0 ? 0 : 1;
    }

    // The filters each grouping is checked under: none, a date window, a category, a kind of giver, one
    // receiver, one document, a document that has an earlier (replaced) version, and two at once.
    private static List<(string Name, TotalsFilter Filter)> Filters(LedgerDatabase database)
    {
        using var connection = database.Connect();
        var receiver = connection.ExecuteScalar<long>("SELECT min(id) FROM organizations WHERE kind = 'hospital'");
        return
        [
            ("none", new TotalsFilter()),
            ("2020-02-10..2020-03-15", new TotalsFilter { From = "2020-02-10", To = "2020-03-15" }),
            ("category mask", new TotalsFilter { Category = "mask" }),
            ("donor kind person", new TotalsFilter { DonorKind = "person" }),
            ($"recipient {receiver}", new TotalsFilter { Recipient = receiver }),
            ($"document {GeneratedLedger.DocumentName(100)}", new TotalsFilter { Document = GeneratedLedger.DocumentName(100) }),
            ($"document {GeneratedLedger.DocumentName(1)} (has a replaced version)", new TotalsFilter { Document = GeneratedLedger.DocumentName(1) }),
            ("category food, from 2020-03-01", new TotalsFilter { Category = "food", From = "2020-03-01" }),
        ];
    }

    private static void Describe(LedgerDatabase database)
    {
        using var connection = database.Connect();
        var d = connection.QuerySingle<(long Donations, long Counted, long Reported, long Undated, long MonthOnly, long Twice, long Shared, long NoReceiver, long TwoCategories)>("""
            SELECT count(*), sum(sources > 0), sum(aggregate), sum(gift_date IS NULL AND month IS NULL), sum(gift_date IS NULL AND month IS NOT NULL), sum(sources = 2),
                   (SELECT count(*) FROM (SELECT donation_id FROM donation_recipients GROUP BY donation_id HAVING count(*) > 1)),
                   (SELECT count(*) FROM donations x WHERE NOT EXISTS (SELECT 1 FROM donation_recipients r WHERE r.donation_id = x.id)),
                   (SELECT count(*) FROM (SELECT donation_id FROM donation_items GROUP BY donation_id HAVING count(DISTINCT category) > 1))
            FROM donations
            """);
        var c = connection.QuerySingle<(long Corrections, long Removals, long Donations, long Documents, long Replaced, long Records, long Retired)>("""
            SELECT count(*), sum(value IS NULL), count(DISTINCT donation_id),
                   (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE replaced_by IS NOT NULL),
                   (SELECT count(*) FROM records), (SELECT count(*) FROM records WHERE retired_at IS NOT NULL)
            FROM corrections
            """);
        Console.WriteLine($"ledger   {d.Donations:N0} donations ({d.Counted:N0} counted, {d.Reported:N0} reported totals), {d.Shared:N0} shared by 2-10 receivers, "
                          + $"{d.NoReceiver:N0} naming none, {d.TwoCategories:N0} of two categories, {d.Undated:N0} undated, {d.MonthOnly:N0} with a month only, "
                          + $"{d.Twice:N0} reported twice; {c.Documents:N0} documents ({c.Replaced} replaced), {c.Records:N0} records ({c.Retired:N0} retired); "
                          + $"{c.Corrections} corrections ({c.Removals} removals) of {c.Donations} donations");
    }

    // Every donation's sources are its records in current documents that no re-extraction retired.
    private static void Sources(LedgerDatabase database)
    {
        var clock = Stopwatch.StartNew();
        using var connection = database.Connect();
        var wrong = connection.ExecuteScalar<long>("""
            SELECT count(*) FROM donations d
            WHERE d.sources <> (SELECT count(*) FROM records r JOIN documents doc ON doc.id = r.document_id
                                WHERE r.donation_id = d.id AND r.retired_at IS NULL AND doc.replaced_by IS NULL)
            """);
        Check(wrong == 0, "sources", wrong == 0 ? "every donation's sources = its current records" : $"{wrong:N0} donations' sources differ from their current records", clock);
    }

    // Each grouping under one filter: its groups add up to the totals by donor and to the plain SQL sum,
    // and each group equals the plain SQL group of the same key.
    private static Dictionary<TotalsGroup, IReadOnlyList<TotalsRow>> ByEveryGrouping(Totals totals, string filterName, TotalsFilter filter, Reference reference)
    {
        var answers = new Dictionary<TotalsGroup, IReadOnlyList<TotalsRow>>();
        Figures? byDonor = null;
        foreach (var group in Groupings)
        {
            var clock = Stopwatch.StartNew();
            var rows = totals.By(group, filter);
            var time = clock.Elapsed;
            answers[group] = rows;
            var sum = Figures.Of(rows);
            var problems = new List<string>();
            if (group == TotalsGroup.Donor) byDonor = sum;
            else if (sum.Differences(byDonor!) is { Length: > 0 } fromDonor) problems.Add($"≠ totals by donor: {fromDonor}");
            if (sum.Differences(reference.All) is { Length: > 0 } fromPlain) problems.Add($"≠ plain SQL: {fromPlain}");
            var duplicates = rows.GroupBy(r => r.Key).Count(g => g.Count() > 1);
            if (duplicates > 0) problems.Add($"{duplicates} keys in more than one group");
            problems.AddRange(GroupDifferences(rows, reference.Groups[group]));
            var path = group == TotalsGroup.Donor && filter == new TotalsFilter() ? "kept" : "computed";
            Check(problems.Count == 0, $"by {Name(group)} ({path}), {filterName}",
                $"{rows.Count:N0} groups ({rows.Count(r => r.SharedAmong is not null):N0} shared, none: {(rows.Any(r => r.Key == Totals.NoneKey) ? "yes" : "no")})"
                + (problems.Count == 0 ? $" add up to the totals by donor and the plain SQL sum, each group = its plain SQL group" : ": " + string.Join("; ", problems)),
                time);
        }
        return answers;
    }

    private static IEnumerable<string> GroupDifferences(IReadOnlyList<TotalsRow> rows, Dictionary<string, Figures> plain)
    {
        var shown = new Dictionary<string, Figures>();
        foreach (var row in rows) shown.TryAdd(row.Key, Figures.Of([row]));
        var differing = shown.Keys.Union(plain.Keys)
            .Select(key => (Key: key, Difference: (shown.GetValueOrDefault(key) ?? new Figures()).Differences(plain.GetValueOrDefault(key) ?? new Figures())))
            .Where(d => d.Difference.Length > 0).ToList();
        if (differing.Count == 0) yield break;
        yield return $"{differing.Count:N0} groups differ from the plain SQL groups, e.g. "
                     + string.Join(" | ", differing.Take(3).Select(d => $"'{d.Key}' (shown: {(shown.ContainsKey(d.Key) ? "yes" : "no")}, plain SQL: {(plain.ContainsKey(d.Key) ? "yes" : "no")}) {d.Difference}"));
    }

    // Totals by donor without a filter are read from the kept table; computed (by each kind of giver, which
    // together select every giver) they must be the same rows, and the JSON answer the same bytes.
    private static void KeptEqualsComputed(LedgerDatabase database, Totals totals)
    {
        var clock = Stopwatch.StartNew();
        var kept = totals.By(TotalsGroup.Donor);
        using var connection = database.Connect();
        var kinds = connection.Query<string>("SELECT DISTINCT kind FROM organizations ORDER BY kind").ToList();
        var computed = kinds.SelectMany(kind => totals.By(TotalsGroup.Donor, new TotalsFilter { DonorKind = kind })).ToList();
        var keptJson = kept.ToDictionary(r => r.Key, r => TotalsFormat.Json([r]));
        var computedJson = computed.ToDictionary(r => r.Key, r => TotalsFormat.Json([r]));
        var differing = keptJson.Keys.Union(computedJson.Keys).Where(k => keptJson.GetValueOrDefault(k) != computedJson.GetValueOrDefault(k)).ToList();
        Check(differing.Count == 0, "kept totals by donor = computed",
            differing.Count == 0
                ? $"{kept.Count:N0} givers, every row the same (figures, qualifiers, counts, sources, items), computed by {kinds.Count} donor kinds"
                : $"{differing.Count:N0} givers differ, e.g. {string.Join(" | ", differing.Take(2).Select(k => $"kept {keptJson.GetValueOrDefault(k) ?? "(none)"} computed {computedJson.GetValueOrDefault(k) ?? "(none)"}"))}",
            clock);

        clock.Restart();
        var answer = totals.Json(TotalsGroup.Donor);
        var ordered = computed
            .OrderByDescending(r => Given(r)).ThenByDescending(r => Reported(r)).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var built = TotalsFormat.Json(ordered);
        Check(answer == built, "kept JSON answer = computed rows",
            answer == built ? $"{Encoding.UTF8.GetByteCount(answer):N0} bytes, the same" : $"differ at {FirstDifference(answer, built)}", clock);
    }

    // Flows: a giver's flows add up to what it gave (cash, goods value and combined of its gifts), and the
    // flows to each set of receivers add up to that set's group in the totals by recipient.
    private static IReadOnlyList<Flow> Flows(Totals totals, string filterName, TotalsFilter filter, IReadOnlyList<TotalsRow> donors, IReadOnlyList<TotalsRow> recipients)
    {
        var clock = Stopwatch.StartNew();
        var flows = totals.Flows(filter);
        var time = clock.Elapsed;
        var problems = new List<string>();
        var byGiver = flows.GroupBy(f => f.Donor.Id.ToString(Invariant)).ToDictionary(g => g.Key, g => g.Sum(f => f.Yuan));
        var given = donors.ToDictionary(r => r.Key, Given);
        var giversDiffering = byGiver.Keys.Union(given.Keys).Where(k => byGiver.GetValueOrDefault(k) != given.GetValueOrDefault(k)).ToList();
        if (giversDiffering.Count > 0)
            problems.Add($"{giversDiffering.Count:N0} givers' flows ≠ what they gave, e.g. "
                         + string.Join(", ", giversDiffering.Take(3).Select(k => $"{k}: flows {Money(byGiver.GetValueOrDefault(k))} gave {Money(given.GetValueOrDefault(k))}")));
        var bySet = flows.GroupBy(f => f.Recipients.Count == 0 ? Totals.NoneKey : string.Join('+', f.Recipients.Select(r => r.Id)))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Yuan));
        var received = recipients.ToDictionary(r => r.Key, Given);
        var setsDiffering = bySet.Keys.Union(received.Keys).Where(k => bySet.GetValueOrDefault(k) != received.GetValueOrDefault(k)).ToList();
        if (setsDiffering.Count > 0)
            problems.Add($"{setsDiffering.Count:N0} receiver groups ≠ their flows, e.g. "
                         + string.Join(", ", setsDiffering.Take(3).Select(k => $"{k}: flows {Money(bySet.GetValueOrDefault(k))} group {Money(received.GetValueOrDefault(k))}")));
        var shared = flows.Where(f => f.Shared).ToList();
        var sharedGroups = recipients.Where(r => r.SharedAmong is not null).ToList();
        if (shared.Sum(f => f.Yuan) != sharedGroups.Sum(Given))
            problems.Add($"shared flows {Money(shared.Sum(f => f.Yuan))} ≠ shared receiver groups {Money(sharedGroups.Sum(Given))}");
        Check(problems.Count == 0, $"flows, {filterName}",
            $"{flows.Count:N0} flows, {Money(flows.Sum(f => f.Yuan))}; {shared.Count:N0} shared flows {Money(shared.Sum(f => f.Yuan))} = {sharedGroups.Count:N0} shared receiver groups"
            + (problems.Count == 0 ? "; every giver's flows = what it gave, every receiver group = its flows" : ": " + string.Join("; ", problems)),
            time);
        return flows;
    }

    // Supplies: quantities per category and unit over the counted gifts' items, as plain SQL sums them.
    private static void Supplies(LedgerDatabase database, Totals totals, string filterName, TotalsFilter filter)
    {
        var clock = Stopwatch.StartNew();
        var supplies = totals.Supplies(filter);
        var time = clock.Elapsed;
        using var connection = database.Connect();
        var plain = connection.Query<(string Category, string Unit, string Quantity, long Donation)>($"""
                SELECT i.category, i.unit, i.quantity, i.donation_id FROM donation_items i JOIN donations d ON d.id = i.donation_id
                WHERE d.sources > 0 AND d.aggregate = 0 AND i.quantity IS NOT NULL AND {Reference.Where(filter)}
                """, filter)
            .GroupBy(i => (i.Category, i.Unit))
            .ToDictionary(g => g.Key, g => (Quantity: g.Sum(i => decimal.Parse(i.Quantity, Invariant)), Donations: g.Select(i => i.Donation).Distinct().Count()));
        var shown = supplies.ToDictionary(s => (s.Category, s.Unit), s => (s.Quantity, s.Donations));
        var differing = shown.Keys.Union(plain.Keys).Where(k => shown.GetValueOrDefault(k) != plain.GetValueOrDefault(k)).ToList();
        Check(differing.Count == 0, $"supplies, {filterName}",
            $"{supplies.Count} category/unit rows, {supplies.Sum(s => s.Quantity):N0} units over {supplies.Sum(s => s.Donations):N0} item counts"
            + (differing.Count == 0 ? " = plain SQL over the counted gifts' items"
                : ": differ from plain SQL at " + string.Join(", ", differing.Take(3).Select(k => $"{k.Category} {k.Unit}: {shown.GetValueOrDefault(k)} vs {plain.GetValueOrDefault(k)}"))),
            time);
    }

    // The command line prints the JSON the library answers, for every grouping (and once with a filter).
    private static void CommandLine(LedgerDatabase database, Totals totals)
    {
        var root = Root();
        var clock = Stopwatch.StartNew();
        var (code, _, error) = Execute("dotnet", root, "build", "src/Ledger.Cli", "-c", "Release", "-nologo", "-v", "q");
        var dll = Path.Combine(root, "src", "Ledger.Cli", "bin", "Release", "net10.0", "ledger.dll");
        if (code != 0 || !File.Exists(dll))
        {
            Check(false, "command line", $"dotnet build src/Ledger.Cli -c Release failed: {error.Trim()}", clock);
            return;
        }
        Console.WriteLine($"build    dotnet build src/Ledger.Cli -c Release  ({Seconds(clock)})");
        var runs = Groupings.Select(g => (Group: g, Filter: new TotalsFilter(), Arguments: Array.Empty<string>()))
            .Append((Group: TotalsGroup.Recipient, Filter: new TotalsFilter { Category = "mask", From = "2020-02-10" }, Arguments: ["--category", "mask", "--from", "2020-02-10"]));
        foreach (var (group, filter, arguments) in runs)
        {
            clock.Restart();
            var cli = Task.Run(() => Execute("dotnet", root, [dll, "totals", "--by", TotalsGroups.ByName.First(n => n.Value == group).Key, "--format", "json", "--db", database.Path, .. arguments]));
            var json = totals.Json(group, filter);
            var (exit, output, problem) = cli.Result;
            var printed = output.EndsWith('\n') ? output[..^1] : output;
            var name = $"command line, --by {Name(group)}{(arguments.Length > 0 ? " " + string.Join(' ', arguments) : "")}";
            Check(exit == 0 && printed == json, name,
                exit != 0 ? $"exit code {exit}: {problem.Trim()}"
                : printed == json ? $"{Encoding.UTF8.GetByteCount(printed):N0} bytes = Totals.Json"
                : $"differs from Totals.Json at {FirstDifference(printed, json)}",
                clock);
        }
    }

    // A correction of a shared gift and the removal of another's figure, on a copy of the ledger: every
    // grouping still adds up, and the change is seen in the giver's kept totals, in the receivers' shared
    // group, in the month and in the flows.
    private static void Correction(LedgerDatabase database, Dictionary<TotalsGroup, IReadOnlyList<TotalsRow>> before, IReadOnlyList<Flow> flowsBefore)
    {
        var clock = Stopwatch.StartNew();
        var copyPath = Path.Combine(Path.GetTempPath(), $"ledger-invariants-copy-{Environment.ProcessId}.db");
        using (var source = database.Connect())
        using (var target = new SqliteConnection($"Data Source={copyPath};Pooling=False"))
        {
            target.Open();
            ((SqliteConnection)source).BackupDatabase(target);
        }
        Console.WriteLine($"copy     the ledger copied for the correction  ({Seconds(clock)})");
        try
        {
            var copy = LedgerDatabase.Open(copyPath);
            var totals = new Totals(copy);
            using var connection = copy.Connect();
            const string Shared = """
                SELECT d.id AS Id, d.donor_id AS Donor, d.cash_fen AS Cash, d.goods_fen AS Goods, d.month AS Month,
                       (SELECT group_concat(organization_id, '+') FROM (SELECT organization_id FROM donation_recipients WHERE donation_id = d.id ORDER BY organization_id)) AS Receivers
                FROM donations d
                WHERE d.sources > 0 AND d.aggregate = 0 AND d.month IS NOT NULL AND {0} IS NOT NULL AND d.donor_id <> @other
                  AND (SELECT count(*) FROM donation_recipients r WHERE r.donation_id = d.id) > 1
                  AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.donation_id = d.id)
                ORDER BY d.id LIMIT 1
                """;
            var corrected = connection.QuerySingle<Gift>(string.Format(Invariant, Shared, "d.cash_fen"), new { other = 0L });
            var removed = connection.QuerySingle<Gift>(string.Format(Invariant, Shared, "d.goods_fen"), new { other = corrected.Donor });
            var delta = 1234.56m;
            var lost = removed.Goods!.Value / 100m;

            clock.Restart();
            var answerBefore = totals.Json(TotalsGroup.Donor);
            Console.WriteLine($"before   gift {corrected.Id} (giver {corrected.Donor}, receivers {corrected.Receivers}, {corrected.Month}): cash {Money(corrected.Cash!.Value / 100m)}; "
                              + $"gift {removed.Id} (giver {removed.Donor}, receivers {removed.Receivers}, {removed.Month}): goods {Money(lost)}  ({Seconds(clock)})");

            clock.Restart();
            var corrections = new Corrections(copy);
            corrections.Add(corrected.Id, "cash", corrected.Cash.Value / 100m + delta, "invariants check", "a figure misread by 1,234.56 yuan");
            corrections.Add(removed.Id, "goods_value", null, "invariants check", "the report names no goods value");
            var write = clock.Elapsed;

            clock.Restart();
            var after = Groupings.ToDictionary(g => g, g => totals.By(g));
            var flowsAfter = totals.Flows();
            var answerAfter = totals.Json(TotalsGroup.Donor);
            var reference = Reference.Of(copy, new TotalsFilter());
            var problems = new List<string>();
            var byDonor = Figures.Of(after[TotalsGroup.Donor]);
            foreach (var group in Groupings)
            {
                if (Figures.Of(after[group]).Differences(byDonor) is { Length: > 0 } d) problems.Add($"by {Name(group)} ≠ totals by donor: {d}");
                problems.AddRange(GroupDifferences(after[group], reference.Groups[group]).Select(p => $"by {Name(group)}: {p}"));
            }
            if (byDonor.Differences(reference.All) is { Length: > 0 } plain) problems.Add($"≠ plain SQL: {plain}");
            var expected = Figures.Of(before[TotalsGroup.Donor]);
            if (byDonor.Yuan[0] != expected.Yuan[0] + delta || byDonor.Yuan[1] != expected.Yuan[1] - lost)
                problems.Add($"the whole: cash {Money(byDonor.Yuan[0])} goods {Money(byDonor.Yuan[1])}, expected {Money(expected.Yuan[0] + delta)} and {Money(expected.Yuan[1] - lost)}");

            // Where each change must show: the giver's row (kept), the receivers' shared group, the month.
            var seen = new List<string>();
            foreach (var (group, keyOf) in new (TotalsGroup, Func<Gift, string>)[]
                     {
                         (TotalsGroup.Donor, g => g.Donor.ToString(Invariant)), (TotalsGroup.Recipient, g => g.Receivers), (TotalsGroup.Month, g => g.Month),
                     })
            {
                var keys = new[] { keyOf(corrected), keyOf(removed) }.Distinct();
                foreach (var key in keys)
                {
                    var cashChange = keyOf(corrected) == key ? delta : 0m;
                    var goodsChange = keyOf(removed) == key ? -lost : 0m;
                    var old = before[group].Single(r => r.Key == key);
                    var now = after[group].SingleOrDefault(r => r.Key == key);
                    var cash = now?.Cash?.Yuan ?? 0;
                    var goods = now?.GoodsValue?.Yuan ?? 0;
                    if (cash != (old.Cash?.Yuan ?? 0) + cashChange || goods != (old.GoodsValue?.Yuan ?? 0) + goodsChange)
                        problems.Add($"by {Name(group)} '{key}': cash {Money(old.Cash?.Yuan ?? 0)} → {Money(cash)}, goods {Money(old.GoodsValue?.Yuan ?? 0)} → {Money(goods)}, "
                                     + $"expected a change of {Money(cashChange)} and {Money(goodsChange)}");
                    else seen.Add($"{Name(group)} '{key}' cash {Money(old.Cash?.Yuan ?? 0)} → {Money(cash)}, goods {Money(old.GoodsValue?.Yuan ?? 0)} → {Money(goods)}");
                }
            }
            foreach (var (gift, change) in new[] { (corrected, delta), (removed, -lost) })
            {
                decimal Flow(IReadOnlyList<Flow> flows) => flows.Where(f => f.Donor.Id == gift.Donor && string.Join('+', f.Recipients.Select(r => r.Id)) == gift.Receivers).Sum(f => f.Yuan);
                var (old, now) = (Flow(flowsBefore), Flow(flowsAfter));
                if (now != old + change) problems.Add($"flow {gift.Donor} → {gift.Receivers}: {Money(old)} → {Money(now)}, expected a change of {Money(change)}");
                else seen.Add($"flow {gift.Donor} → {gift.Receivers} {Money(old)} → {Money(now)}");
            }
            // The kept JSON answer, brought up to date by the change log, equals the kept rows read afresh.
            var fresh = TotalsFormat.Json(after[TotalsGroup.Donor]);
            if (answerAfter != fresh) problems.Add($"the kept JSON answer after the write differs from the kept rows at {FirstDifference(answerAfter, fresh)}");
            if (answerAfter == answerBefore) problems.Add("the kept JSON answer did not change");
            Check(problems.Count == 0, "correction on a copy",
                $"a correction (+{Money(delta)} cash) and a removal (-{Money(lost)} goods) written in {write.TotalMilliseconds:0} ms; "
                + (problems.Count == 0 ? $"every grouping adds up to the totals by donor and the plain SQL groups; seen in {string.Join("; ", seen)}" : string.Join("; ", problems)),
                clock);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(copyPath) + "*")) File.Delete(file);
        }
    }

    private sealed class Gift
    {
        public long Id { get; init; }
        public long Donor { get; init; }
        public long? Cash { get; init; }
        public long? Goods { get; init; }
        public string Month { get; init; } = "";
        public string Receivers { get; init; } = "";
    }

    private static decimal Given(TotalsRow row) => (row.Cash?.Yuan ?? 0) + (row.GoodsValue?.Yuan ?? 0) + (row.Combined?.Yuan ?? 0);

    private static decimal Reported(TotalsRow row) => (row.ReportedCash?.Yuan ?? 0) + (row.ReportedGoodsValue?.Yuan ?? 0) + (row.ReportedCombined?.Yuan ?? 0);

    private static string Name(TotalsGroup group) => TotalsGroups.ByName.First(n => n.Value == group).Key;

    private static string Money(decimal yuan) => yuan.ToString("#,0.00", Invariant);

    private static string Seconds(Stopwatch clock) => $"{clock.Elapsed.TotalSeconds:0.0} s";

    private static void Check(bool ok, string name, string detail, Stopwatch clock) => Check(ok, name, detail, clock.Elapsed);

    private static void Check(bool ok, string name, string detail, TimeSpan time)
    {
        if (!ok) _failures++;
        Console.WriteLine($"{(ok ? "ok  " : "FAIL")}     {name}: {detail}  ({time.TotalSeconds:0.0} s)");
    }

    private static string FirstDifference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at]) at++;
        string Around(string s) => s.Substring(Math.Max(0, at - 60), Math.Min(s.Length, at + 60) - Math.Max(0, at - 60));
        return $"character {at:N0} of {a.Length:N0}/{b.Length:N0}: …{Around(a)}… vs …{Around(b)}…";
    }

    // The folder of Ledger.sln, above the program's own.
    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Ledger.sln"))) return folder.FullName;
        return Directory.GetCurrentDirectory();
    }

    private static (int Code, string Output, string Error) Execute(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>
    /// The six figures of a group (cash, goods value, combined; the same reported as totals) as exact sums
    /// in yuan, with what their qualifiers combine to, and the counts of gifts, reported totals and sources.
    /// </summary>
    private sealed class Figures
    {
        private static readonly string[] Names = ["cash", "goods", "combined", "reported cash", "reported goods", "reported combined"];

        public readonly decimal[] Yuan = new decimal[6];

        // Per figure: bit 0 a figure was seen; bits 1-3 a part at least, at most, about.
        private readonly int[] _seen = new int[6];

        public long Donations;
        public long ReportedTotals;
        public long Sources;

        public static Figures Of(IEnumerable<TotalsRow> rows)
        {
            var figures = new Figures();
            foreach (var row in rows)
            {
                Sum?[] sums = [row.Cash, row.GoodsValue, row.Combined, row.ReportedCash, row.ReportedGoodsValue, row.ReportedCombined];
                for (var i = 0; i < 6; i++)
                    if (sums[i] is { } sum)
                        figures.Add(i, sum.Yuan, sum.Qualifier);
                figures.Donations += row.Donations;
                figures.ReportedTotals += row.ReportedTotals;
                figures.Sources += row.Sources;
            }
            return figures;
        }

        public void Add(int figure, decimal yuan, Qualifier qualifier)
        {
            Yuan[figure] += yuan;
            _seen[figure] |= 1 | qualifier switch { Qualifier.AtLeast => 2, Qualifier.AtMost => 4, Qualifier.About => 8, _ => 0 };
        }

        /// <summary>One donation with its current figures (fen; null when it has none).</summary>
        public void Add(bool aggregate, long sources, long? cash, string? cashQualifier, long? goods, string? goodsQualifier, long? combined, string? combinedQualifier)
        {
            var first = aggregate ? 3 : 0;
            foreach (var (i, fen, qualifier) in new[] { (0, cash, cashQualifier), (1, goods, goodsQualifier), (2, combined, combinedQualifier) })
                if (fen is { } f)
                    Add(first + i, f / 100m, qualifier switch { "at_least" => Qualifier.AtLeast, "at_most" => Qualifier.AtMost, "about" => Qualifier.About, _ => Qualifier.Exact });
            if (aggregate) ReportedTotals++;
            else Donations++;
            Sources += sources;
        }

        // Exact when every part is; one kind of bound when the parts are exact or that bound; about otherwise.
        private string QualifierOf(int figure)
        {
            if ((_seen[figure] & 1) == 0) return "none";
            return (_seen[figure] >> 1) switch { 0 => "exact", 1 => "at_least", 2 => "at_most", 4 => "about", _ => "about" };
        }

        public string Differences(Figures other)
        {
            var differences = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                if (Yuan[i] != other.Yuan[i]) differences.Add($"{Names[i]} {Money(Yuan[i])} vs {Money(other.Yuan[i])}");
                else if (QualifierOf(i) != other.QualifierOf(i)) differences.Add($"{Names[i]} {QualifierOf(i)} vs {other.QualifierOf(i)}");
            }
            if (Donations != other.Donations) differences.Add($"gifts {Donations:N0} vs {other.Donations:N0}");
            if (ReportedTotals != other.ReportedTotals) differences.Add($"reported totals {ReportedTotals:N0} vs {other.ReportedTotals:N0}");
            if (Sources != other.Sources) differences.Add($"sources {Sources:N0} vs {other.Sources:N0}");
            return string.Join(", ", differences);
        }

        public override string ToString() =>
            string.Join(", ", Enumerable.Range(0, 6).Select(i => $"{Names[i]} {Money(Yuan[i])} ({QualifierOf(i)})"))
            + $"; {Donations:N0} gifts, {ReportedTotals:N0} reported totals, {Sources:N0} sources";
    }

    /// <summary>
    /// The plain SQL answer for one filter, written apart from Totals: the counted donations the filter
    /// selects, each with its figures at their latest correction (applied here, from the corrections
    /// read in order) and the members of each grouping it names, summed per group key of every grouping.
    /// </summary>
    private sealed class Reference
    {
        public Figures All { get; } = new();
        public long Counted { get; private set; }
        public Dictionary<TotalsGroup, Dictionary<string, Figures>> Groups { get; } = Groupings.ToDictionary(g => g, _ => new Dictionary<string, Figures>());

        private sealed class Donation
        {
            public long Id { get; init; }
            public long Donor { get; init; }
            public string Kind { get; init; } = "";
            public bool Aggregate { get; init; }
            public long Sources { get; init; }
            public long? Cash { get; init; }
            public string? CashQualifier { get; init; }
            public long? Goods { get; init; }
            public string? GoodsQualifier { get; init; }
            public long? Combined { get; init; }
            public string? CombinedQualifier { get; init; }
            public string? Month { get; init; }
            public string? Recipients { get; init; }
            public string? Categories { get; init; }
            public string? Documents { get; init; }
        }

        /// <summary>The filter as plain SQL over <c>donations d</c>.</summary>
        public static string Where(TotalsFilter filter)
        {
            var conditions = new List<string> { "1" };
            // A gift counts on its date; a gift without one in its report's month, compared by month; one with neither in no window.
            if (filter.From is not null)
                conditions.Add("((d.gift_date IS NOT NULL AND d.gift_date >= @From) OR (d.gift_date IS NULL AND d.month >= substr(@From, 1, 7)))");
            if (filter.To is not null)
                conditions.Add("((d.gift_date IS NOT NULL AND d.gift_date <= @To) OR (d.gift_date IS NULL AND d.month <= substr(@To, 1, 7)))");
            if (filter.Category is not null) conditions.Add("d.id IN (SELECT donation_id FROM donation_items WHERE category = @Category)");
            if (filter.DonorKind is not null) conditions.Add("d.donor_id IN (SELECT id FROM organizations WHERE kind = @DonorKind)");
            if (filter.Recipient is not null) conditions.Add("d.id IN (SELECT donation_id FROM donation_recipients WHERE organization_id = @Recipient)");
            if (filter.Organization is not null) conditions.Add("d.donor_id = @Organization");
            // A gift is in a document when a current record of it is: not retired, in a document not replaced.
            if (filter.Document is not null)
                conditions.Add("""
                    d.id IN (SELECT r.donation_id FROM records r JOIN documents doc ON doc.id = r.document_id
                             WHERE doc.name = @Document AND doc.replaced_by IS NULL AND r.retired_at IS NULL)
                    """);
            return string.Join(" AND ", conditions);
        }

        public static Reference Of(LedgerDatabase database, TotalsFilter filter)
        {
            using var connection = database.Connect();
            // The latest correction of each field; a value of null removes the figure.
            var corrections = new Dictionary<(long, string), long?>();
            foreach (var (donation, field, value) in connection.Query<(long, string, string?)>("SELECT donation_id, field, value FROM corrections ORDER BY id"))
                corrections[(donation, field)] = value is null ? null : long.Parse(value, Invariant);
            long? Current(long id, string field, long? original) => corrections.TryGetValue((id, field), out var value) ? value : original;

            var reference = new Reference();
            const char Separator = '\u001f';
            var sql = $"""
                SELECT d.id AS Id, d.donor_id AS Donor, o.kind AS Kind, d.aggregate AS Aggregate, d.sources AS Sources,
                       d.cash_fen AS Cash, d.cash_qualifier AS CashQualifier, d.goods_fen AS Goods, d.goods_qualifier AS GoodsQualifier,
                       d.combined_fen AS Combined, d.combined_qualifier AS CombinedQualifier, d.month AS Month,
                       (SELECT group_concat(x.organization_id, char(31)) FROM donation_recipients x WHERE x.donation_id = d.id) AS Recipients,
                       (SELECT group_concat(i.category, char(31)) FROM donation_items i WHERE i.donation_id = d.id) AS Categories,
                       (SELECT group_concat(doc.name, char(31)) FROM records r JOIN documents doc ON doc.id = r.document_id
                        WHERE r.donation_id = d.id AND r.retired_at IS NULL AND doc.replaced_by IS NULL) AS Documents
                FROM donations d JOIN organizations o ON o.id = d.donor_id
                WHERE d.sources > 0 AND {Where(filter)}
                """;
            foreach (var d in connection.Query<Donation>(sql, filter, buffered: false))
            {
                var cash = Current(d.Id, "cash_fen", d.Cash);
                var goods = Current(d.Id, "goods_fen", d.Goods);
                var combined = Current(d.Id, "combined_fen", d.Combined);
                reference.Counted++;
                reference.All.Add(d.Aggregate, d.Sources, cash, d.CashQualifier, goods, d.GoodsQualifier, combined, d.CombinedQualifier);
                foreach (var group in Groupings)
                {
                    var key = group switch
                    {
                        TotalsGroup.Donor => d.Donor.ToString(Invariant),
                        TotalsGroup.DonorKind => d.Kind,
                        TotalsGroup.Recipient => Key(d.Recipients),
                        TotalsGroup.Category => Key(d.Categories),
                        TotalsGroup.Month => d.Month ?? "unknown",
                        _ => Key(d.Documents),
                    };
                    var groups = reference.Groups[group];
                    if (!groups.TryGetValue(key, out var figures)) groups[key] = figures = new Figures();
                    figures.Add(d.Aggregate, d.Sources, cash, d.CashQualifier, goods, d.GoodsQualifier, combined, d.CombinedQualifier);
                }
            }
            return reference;

            // One group per donation: its one member, or all of them joined by + (shorter keys first, then in order), or none.
            static string Key(string? members)
            {
                if (members is null) return Totals.NoneKey;
                var distinct = members.Split(Separator).Distinct().OrderBy(m => m.Length).ThenBy(m => m, StringComparer.Ordinal).ToList();
                return string.Join('+', distinct);
            }
        }
    }
}
