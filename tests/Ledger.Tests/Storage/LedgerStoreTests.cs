using Dapper;
using Ledger.Domain;
using Ledger.Storage;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Ledger.Tests.Storage;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public class LedgerStoreTests(StoreKind store)
{
    [Test]
    public void A_new_ledger_gets_the_latest_schema()
    {
        using var ledger = new TemporaryLedger(store);
        using var connection = ledger.Database.Connect();

        Assert.That(ledger.Database.Version(), Is.EqualTo(Schema.Latest));
        if (store != StoreKind.Sqlite) return;
        Assert.Multiple(() =>
        {
            Assert.That(connection.ExecuteScalar<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
            Assert.That(connection.ExecuteScalar<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
            Assert.That(connection.ExecuteScalar<long>("PRAGMA busy_timeout"), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Every_schema_step_exists_on_both_stores()
    {
        Assert.That(SqliteSchema.Steps, Has.Length.EqualTo(Schema.Latest));
        Assert.That(PostgresSchema.Created + PostgresSchema.Later.Length, Is.EqualTo(Schema.Latest));
    }

    [Test]
    public void A_ledger_written_by_a_newer_version_is_refused_with_a_clear_message()
    {
        using var ledger = new TemporaryLedger(store);
        using (var connection = ledger.Database.Connect())
            connection.Execute(store == StoreKind.Sqlite ? $"PRAGMA user_version = {Schema.Latest + 1}" : $"UPDATE ledger_schema SET version = {Schema.Latest + 1}");

        var error = Assert.Throws<LedgerVersionException>(() => LedgerDatabase.Open(ledger.Setting));
        Assert.That(error!.Message, Does.Contain("newer than this version of Ledger understands"));
    }

    [Test]
    public void A_database_with_other_tables_becomes_a_ledger_and_keeps_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ledger-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var setting = Stores.NewLedger(store, folder);
        try
        {
            using (var connection = store == StoreKind.Sqlite ? (System.Data.Common.DbConnection)new SqliteConnection($"Data Source={setting}") : new Npgsql.NpgsqlConnection(setting))
            {
                connection.Open();
                connection.Execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')");
            }

            using var upgraded = LedgerDatabase.Open(setting);

            using var check = upgraded.Connect();
            Assert.That(upgraded.Version(), Is.EqualTo(Schema.Latest));
            Assert.That(check.ExecuteScalar<string>("SELECT text FROM notes"), Is.EqualTo("kept"));
        }
        finally
        {
            Stores.Drop(setting);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Ingesting_the_same_text_again_changes_nothing()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        var before = Counts(ledger);

        var again = Seeds.Files.Select(f => ledger.Ingestion.Ingest(Path.GetFileName(f), File.ReadAllText(f))).ToList();

        Assert.That(again.Select(r => r.Outcome), Is.All.EqualTo(IngestOutcome.Unchanged));
        Assert.That(Counts(ledger), Is.EqualTo(before));
    }

    [Test]
    public void A_changed_document_replaces_its_records_and_its_earlier_version_stays_in_history()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("report.txt", "2020年第1期\n\n某公司向市红十字会捐款10万元。");

        var result = ledger.Ingestion.Ingest("report.txt", "2020年第1期\n\n某公司向市红十字会捐款12万元。");

        using var connection = ledger.Database.Connect();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(IngestOutcome.Replaced));
            Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE name = 'report.txt'"), Is.EqualTo(2));
            Assert.That(connection.ExecuteScalar<string>("SELECT text FROM documents WHERE replaced_by IS NOT NULL"), Does.Contain("10万元"));
            var company = ledger.Totals.By(TotalsGroup.Donor).Single();
            Assert.That(company.Cash, Is.EqualTo(new Sum(120000m, Qualifier.Exact)));
            Assert.That(company.Sources, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_gift_reported_in_two_places_is_counted_once_Wu_Qinghe_gave_two_million_not_four()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        var wu = ledger.Totals.By(TotalsGroup.Donor).Single(t => t.Name == "吴庆和");

        Assert.Multiple(() =>
        {
            Assert.That(wu.Cash, Is.EqualTo(new Sum(2_000_000m, Qualifier.Exact)), "itemised gifts");
            Assert.That(wu.ReportedCash, Is.EqualTo(new Sum(2_000_000m, Qualifier.Exact)), "the reported total, reported twice");
            Assert.That(wu.ReportedTotals, Is.EqualTo(1));
            Assert.That(wu.Sources, Is.GreaterThanOrEqualTo(4));
        });
    }

    [Test]
    public void A_reported_total_is_shown_as_a_total_and_never_added_to_gifts()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("drive.txt", "2020年第1期\n\n某商会会员共捐款50万元,其中会长张某捐款10万元。");

        var rows = ledger.Totals.By(TotalsGroup.Donor);

        var members = rows.Single(r => r.Name.EndsWith("会员", StringComparison.Ordinal));
        var chair = rows.Single(r => r.Name == "张某");
        Assert.Multiple(() =>
        {
            Assert.That(members.ReportedCash, Is.EqualTo(new Sum(500000m, Qualifier.Exact)));
            Assert.That(members.Cash, Is.Null, "a reported total is not a gift of its own");
            Assert.That(chair.Cash, Is.EqualTo(new Sum(100000m, Qualifier.Exact)), "the part stated in the total is a gift");
        });
    }

    [Test]
    public void A_gift_never_joins_a_reported_total_of_its_giver_from_an_earlier_report()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("first.txt", "2020年第1期\n\n截至目前,哈尔滨建筑有限公司累计捐款466万元。");
        var results = ledger.Ingestion.IngestMany([
            new DocumentSource("later.txt", () => "2020年第2期\n\n哈尔滨建筑有限公司向市第一医院捐款468万元。"),
            new DocumentSource("again.txt", () => "2020年第3期\n\n截至目前,哈尔滨建筑有限公司累计捐款466万元。")]).ToList();

        var giver = ledger.Totals.By(TotalsGroup.Donor).Single();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.NewDonations, r.JoinedReports)), Is.EqualTo(new[] { (1, 0), (0, 1) }), "the gift is new; the total is the first total again");
            Assert.That(giver.Cash, Is.EqualTo(new Sum(4_680_000m, Qualifier.Exact)));
            Assert.That(giver.ReportedCash, Is.EqualTo(new Sum(4_660_000m, Qualifier.Exact)));
        });
    }

    [Test]
    public void A_sum_that_includes_a_bound_is_a_bound()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("bounds.txt", "2020年第1期\n\n某公司向医院捐款10万元。\n\n3月2日,某公司又向社区捐款5万余元。");

        var company = ledger.Totals.By(TotalsGroup.Donor).Single();

        Assert.That(company.Cash, Is.EqualTo(new Sum(150000m, Qualifier.AtLeast)));
        Assert.That(company.Donations, Is.EqualTo(2));
    }

    [Test]
    public void Abbreviations_and_full_forms_of_a_hospital_are_one_organization_and_the_ledger_says_why()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        using var connection = ledger.Database.Connect();
        var names = connection.Query<(string Name, string Organization, string Reason)>("""
            SELECT n.name, o.name, n.reason FROM names n JOIN organizations o ON o.id = n.organization_id
            WHERE n.name IN ('哈医大二院', '医大二院')
            """).ToList();

        Assert.That(names.Select(n => n.Organization).Distinct(), Is.EqualTo(new[] { "哈尔滨医科大学附属第二医院" }));
        Assert.That(names.Single(n => n.Name == "医大二院").Reason, Does.Contain("哈尔滨"));
    }

    [Test]
    public void A_city_relative_name_is_resolved_with_the_reports_city()
    {
        using var ledger = new TemporaryLedger(store);
        const string city = "哈尔滨市疾病预防控制中心主任介绍,哈尔滨市各区积极行动,哈尔滨市民踊跃参与。\n\n";
        ledger.Ingestion.Ingest("a.txt", city + "某公司向哈尔滨市疾病预防控制中心捐赠口罩1万只。");
        ledger.Ingestion.Ingest("b.txt", city + "另一公司向市疾控中心捐赠口罩2万只。");

        var recipients = ledger.Totals.By(TotalsGroup.Recipient);

        var cdc = recipients.Single();
        Assert.That(cdc.Name, Is.EqualTo("哈尔滨市疾病预防控制中心"));
        Assert.That(cdc.Items.Single().Quantity, Is.EqualTo(30000m));
    }

    [Test]
    public void Totals_by_month_use_the_date_of_the_gift()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        var months = ledger.Totals.By(TotalsGroup.Month).Select(t => t.Key).ToList();

        Assert.That(months, Does.Contain("2020-02"));
        Assert.That(months, Does.Contain("2020-03"));
    }

    [Test]
    public void Every_write_raises_the_revision_and_a_kept_answer_follows_it()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("a.txt", "2020年第1期\n\n某公司向医院捐款10万元。");
        var first = ledger.Database.Revision();
        var before = ledger.Totals.Json(TotalsGroup.Donor);

        ledger.Ingestion.Ingest("b.txt", "2020年第1期\n\n某集团向医院捐款20万元。");

        Assert.That(ledger.Database.Revision(), Is.GreaterThan(first));
        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.Not.EqualTo(before).And.Contains("某集团"));
    }

    [Test]
    public void The_channel_of_a_gift_is_an_organization_too()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        using var connection = ledger.Database.Connect();
        var channel = connection.QueryFirst<string>(
            "SELECT o.name FROM records r JOIN organizations o ON o.id = r.via_id WHERE r.donor = '王德江' AND r.cash_fen = 2000000");
        Assert.That(channel, Is.EqualTo("各级组织"));
    }

    [Test]
    public void A_gift_without_a_date_counts_in_the_month_its_report_was_published()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.Ingestion.Ingest("bulletin.txt", "抗疫简报\n2020年3月6日\n\n某公司向医院捐款10万元。\n\n2月3日,另一公司向医院捐款5万元。");

        var months = ledger.Totals.By(TotalsGroup.Month).ToDictionary(t => t.Key, t => t.Cash?.Yuan);

        Assert.That(months, Is.EqualTo(new Dictionary<string, decimal?> { ["2020-03"] = 100000m, ["2020-02"] = 50000m }));
    }

    [Test]
    public void Totals_json_has_one_snake_case_object_per_group_with_its_key_and_name()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        var json = TotalsFormat.Json(ledger.Totals.By(TotalsGroup.Donor));

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var zhao = document.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "赵国良");
        Assert.That(zhao.GetProperty("goods_value_cny").GetDecimal(), Is.EqualTo(50000m));
        Assert.That(zhao.GetProperty("key").GetString(), Is.Not.Empty);
        Assert.That(zhao.GetProperty("items")[0].GetProperty("category").GetString(), Is.EqualTo("goggles"));
    }

    [Test]
    public void Totals_by_donor_kept_with_every_write_equal_the_totals_summed_from_the_donations()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        ledger.Ingestion.Ingest("000_2e732f4b54f1ae42.txt", Seeds.Text("000_2e732f4b54f1ae42.txt").Replace("10万元", "11万元"));

        var kept = ledger.Totals.By(TotalsGroup.Donor);

        Assert.That(kept, Is.Not.Empty);
        foreach (var row in kept)
        {
            using var connection = ledger.Database.Connect();
            var summed = Totals.Query(connection, null, TotalsGroup.Donor, new TotalsFilter { Organization = long.Parse(row.Key) }).Single();
            Assert.That(row with { Items = [] }, Is.EqualTo(summed with { Items = [] }), row.Name);
            Assert.That(row.Items, Is.EqualTo(summed.Items), row.Name);
        }
    }

    [Test]
    public void Many_reports_written_together_give_the_ledger_that_one_report_at_a_time_gives()
    {
        // Generated reports, with a repeat of a gift in another report, a reported total, the same text twice, and a name ingested twice with changed text.
        var reports = Dashboard.LargeLedger.Reports(400).Select(d => (d.Name, Text: d.Text())).ToList();
        var repeated = reports[3].Text.Split('\n').Last(l => l.Contains("捐款", StringComparison.Ordinal));
        reports.Add(("repeat.txt", $"2020年第9期\n\n{repeated}\n"));
        reports.Add(("total.txt", $"2020年第9期\n\n截至目前,{Dashboard.LargeLedger.Giver(1)}累计捐款466万元。\n"));
        reports.Add(("copy.txt", reports[5].Text));
        reports.Add((reports[7].Name, reports[7].Text.Replace("捐款", "捐赠", StringComparison.Ordinal)));
        using var together = new TemporaryLedger(store);
        using var oneByOne = new TemporaryLedger(store);

        var written = together.Ingestion.IngestMany(reports.Select(r => new DocumentSource(r.Name, () => r.Text))).ToList();
        foreach (var (name, text) in reports) oneByOne.Ingestion.Ingest(name, text);

        Assert.That(written.Select(r => r.Outcome).Distinct(), Is.EquivalentTo(new[] { IngestOutcome.New, IngestOutcome.Unchanged, IngestOutcome.Replaced }));
        Assert.That(written.Sum(r => r.JoinedReports), Is.GreaterThan(0), "the repeated gift is joined");
        foreach (var group in new[] { TotalsGroup.Donor, TotalsGroup.Recipient, TotalsGroup.Category, TotalsGroup.Month })
            Assert.That(TotalsFormat.Json(together.Totals.By(group)), Is.EqualTo(TotalsFormat.Json(oneByOne.Totals.By(group))), group.ToString());
        // And the totals kept for each giver are those summed from the donations.
        using var connection = together.Database.Connect();
        foreach (var row in together.Totals.By(TotalsGroup.Donor))
        {
            var summed = Totals.Query(connection, null, TotalsGroup.Donor, new TotalsFilter { Organization = long.Parse(row.Key) }).Single();
            Assert.That(TotalsFormat.Json([row]), Is.EqualTo(TotalsFormat.Json([summed])), row.Name);
        }
    }

    [Test]
    public void A_report_the_store_refuses_is_reported_failed_and_the_others_of_its_transaction_are_stored()
    {
        using var ledger = new TemporaryLedger(store);
        using (var connection = ledger.Database.Connect())
        {
            // The store itself refuses one giver's records, as a full disk or a broken constraint would refuse a write.
            connection.Execute(store == StoreKind.Postgres
                ? """
                  CREATE FUNCTION refuse_record() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW.donor = '坏公司' THEN RAISE EXCEPTION 'refused by the store'; END IF; RETURN NEW; END $$;
                  CREATE TRIGGER refuse_record BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION refuse_record();
                  """
                : "CREATE TRIGGER refuse_record BEFORE INSERT ON records WHEN NEW.donor = '坏公司' BEGIN SELECT RAISE(ABORT, 'refused by the store'); END;");
        }

        var results = ledger.Ingestion.IngestMany([
            new DocumentSource("first.txt", () => "2020年第1期\n\n哈尔滨建筑有限公司向市第一医院捐款10万元。\n"),
            new DocumentSource("bad.txt", () => "2020年第2期\n\n坏公司向市第一医院捐款20万元。\n"),
            new DocumentSource("third.txt", () => "2020年第3期\n\n哈尔滨建筑有限公司向市第一医院捐款10万元。\n王德江捐款500元。\n")]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { IngestOutcome.New, IngestOutcome.Failed, IngestOutcome.New }));
            Assert.That(results[1].Error, Does.Contain("refused by the store"));
            Assert.That(results[2].JoinedReports, Is.EqualTo(1), "the third report joins the first's gift");
            Assert.That(ledger.Totals.By(TotalsGroup.Donor).Select(t => (t.Name, t.Cash, t.Sources)), Is.EqualTo(new (string, Sum?, int)[]
            {
                ("哈尔滨建筑有限公司", new Sum(100_000m, Qualifier.Exact), 2), ("王德江", new Sum(500m, Qualifier.Exact), 1),
            }));
            Assert.That(new Sources(ledger.Database).List().Select(d => d.Name), Is.EqualTo(new[] { "first.txt", "third.txt" }));
        });

        // A transaction of that one report alone: reported failed too, not thrown.
        var alone = ledger.Ingestion.IngestMany([new DocumentSource("bad-again.txt", () => "2020年第4期\n\n坏公司向市第一医院捐款30万元。\n")]).Single();
        Assert.That(alone.Outcome, Is.EqualTo(IngestOutcome.Failed));
        Assert.That(alone.Error, Does.Contain("refused by the store"));
    }

    [Test]
    public void Text_beyond_the_basic_plane_and_the_characters_json_escapes_are_stored_as_written()
    {
        using var ledger = new TemporaryLedger(store);
        const string text = "2020年第1期 \"特刊\" \\ 𠀀𪚥 😷\t\r\n\n𠀀𪚥公司向市第一医院捐款10万元。\n";

        var result = ledger.Ingestion.IngestMany([new DocumentSource("plane.txt", () => text)]).Single();

        var sources = new Sources(ledger.Database);
        Assert.That(sources.Text(result.DocumentId), Is.EqualTo(text));
        Assert.That(sources.Records(result.DocumentId).Single().Donor, Is.EqualTo("𠀀𪚥公司"));
        Assert.That(ledger.Totals.By(TotalsGroup.Donor).Single().Name, Is.EqualTo("𠀀𪚥公司"));
    }

    [Test]
    public void Totals_json_read_ready_made_is_the_json_of_the_totals()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();

        Assert.That(ledger.Totals.Json(TotalsGroup.Donor), Is.EqualTo(TotalsFormat.Json(ledger.Totals.By(TotalsGroup.Donor))));
    }

    [Test]
    public void An_organizations_page_is_there_for_an_organization_and_for_no_other_id()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        var organizations = new Organizations(ledger.Database);
        var donations = new Donations(ledger.Database);
        var zhao = organizations.Named("赵国良")!;

        var page = OrganizationView.Of(zhao.Id, organizations, ledger.Totals, donations);
        var nobody = OrganizationView.Of(987654, organizations, ledger.Totals, donations);

        Assert.Multiple(() =>
        {
            Assert.That(page?.Name, Is.EqualTo("赵国良"));
            Assert.That(page?.Gifts, Has.Count.EqualTo(2));
            Assert.That(nobody, Is.Null);
        });
    }

    [Test]
    public void Pages_follow_their_cursor_and_a_cursor_the_ledger_did_not_give_out_reads_as_such()
    {
        using var ledger = new TemporaryLedger(store);
        ledger.IngestSeeds();
        var donations = new Donations(ledger.Database);
        var byAmount = new DonationQuery { Order = DonationOrder.AmountDescending, Limit = 7 };
        var everyOne = donations.Find(byAmount with { Limit = Donations.MaximumLimit }).Donations.Select(d => d.Id).ToList();

        var paged = new List<long>();
        var givenOut = new List<DonationCursor>();
        var page = donations.Find(byAmount);
        paged.AddRange(page.Donations.Select(d => d.Id));
        while (page.Next is { } next)
        {
            givenOut.Add(next);
            page = donations.Find(byAmount with { After = next });
            paged.AddRange(page.Donations.Select(d => d.Id));
        }
        // The last donation's id and an amount that is not a number, for a list by amount.
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{(int)DonationOrder.AmountDescending}|{everyOne[^1]}|much")).TrimEnd('=');

        Assert.Multiple(() =>
        {
            Assert.That(paged, Is.EqualTo(everyOne).And.Count.GreaterThan(7));
            // As a client pages: each cursor goes out as text and reads back as the one given out.
            Assert.That(givenOut.Select(c => DonationCursor.Read(c.Text, DonationOrder.AmountDescending)),
                Is.EqualTo(givenOut.Select(c => new CursorReading.Found(c))));
            Assert.That(DonationCursor.Read(givenOut[0].Text, DonationOrder.Date),
                Is.EqualTo(new CursorReading.NotGivenOut("the cursor is not one this ledger gave out for this order")));
            Assert.That(DonationCursor.Read("not base64!", DonationOrder.Date),
                Is.EqualTo(new CursorReading.NotGivenOut("the cursor is not one this ledger gave out")));
            Assert.That(DonationCursor.Read(forged, DonationOrder.AmountDescending),
                Is.EqualTo(new CursorReading.NotGivenOut("the cursor is not one this ledger gave out")));
            // A cursor continues the order it was given out for, never another one.
            Assert.Throws<ArgumentException>(() => donations.Find(byAmount with { Order = DonationOrder.Date, After = givenOut[0] }));
        });
    }

    private static (long Documents, long Records, long Donations, long Organizations) Counts(TemporaryLedger ledger)
    {
        using var connection = ledger.Database.Connect();
        return connection.QuerySingle<(long, long, long, long)>(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM records), (SELECT count(*) FROM donations), (SELECT count(*) FROM organizations)");
    }
}
