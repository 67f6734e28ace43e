using Dapper;
using Ledger.Extraction;
using Ledger.Storage;
using Ledger.Tests.Storage;
using NUnit.Framework;

namespace Ledger.Tests.Cli;

/// <summary>The ledger under real processes, on each store: killed in the middle of an ingest, and several at once.</summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public class LedgerProcessTests(StoreKind store)
{
    // Seed 000 with a different first line: a document of its own, with the same records.
    private static string[] Variants(string folder, int count, string tag)
    {
        Directory.CreateDirectory(folder);
        var text = Seeds.Text("000_2e732f4b54f1ae42.txt");
        return Enumerable.Range(0, count).Select(i =>
        {
            var file = Path.Combine(folder, $"{tag}-{i:D4}.txt");
            File.WriteAllText(file, $"第{tag}{i}号\n{text}");
            return file;
        }).ToArray();
    }

    private static int RecordsPerVariant => DonationExtractor.Default.Extract("第x0号\n" + Seeds.Text("000_2e732f4b54f1ae42.txt"), "v.txt").Count;

    [Test]
    public void A_process_killed_in_the_middle_of_an_ingest_leaves_no_half_document()
    {
        using var ledger = new TemporaryLedger(store);
        var folder = Path.Combine(ledger.Folder, "many");
        Variants(folder, 400, "k");

        using var ingest = LedgerCli.Start("ingest", folder, "--db", ledger.Setting);
        var progress = 0;
        while (progress < 5 && ingest.StandardError.ReadLine() is { } line)
            if (line.StartsWith('[')) progress++;
        ingest.Kill(entireProcessTree: true);
        ingest.WaitForExit();

        using var reopened = LedgerDatabase.Open(ledger.Setting);
        using var connection = reopened.Connect();
        var perDocument = connection.Query<long>("SELECT (SELECT count(*) FROM records r WHERE r.document_id = d.id) FROM documents d").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Stores.Intact(ledger.Setting), Is.True);
            Assert.That(perDocument, Has.Count.InRange(5, 399), "the kill came in the middle of the ingest");
            Assert.That(perDocument, Is.All.EqualTo(RecordsPerVariant), "every stored document has all of its records");
        });

        // Ingesting again completes the folder: the stored documents are unchanged, the rest are new.
        var again = LedgerCli.Run("ingest", folder, "--db", ledger.Setting);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain($"{400 - perDocument.Count} new, {perDocument.Count} unchanged"));
    }

    [Test]
    public void Writers_and_readers_in_several_processes_never_see_half_a_document_nor_a_busy_ledger()
    {
        using var ledger = new TemporaryLedger(store);
        var root = ledger.Folder;
        Variants(Path.Combine(root, "a"), 25, "a");
        Variants(Path.Combine(root, "b"), 25, "b");
        var expected = RecordsPerVariant;

        using var first = LedgerCli.Start("ingest", Path.Combine(root, "a"), "--db", ledger.Setting);
        using var second = LedgerCli.Start("ingest", Path.Combine(root, "b"), "--db", ledger.Setting);
        var firstOutput = first.StandardOutput.ReadToEndAsync();
        var firstError = first.StandardError.ReadToEndAsync();
        var secondOutput = second.StandardOutput.ReadToEndAsync();
        var secondError = second.StandardError.ReadToEndAsync();

        var reads = 0;
        while (!first.HasExited || !second.HasExited)
        {
            using var connection = ledger.Database.Connect();
            var counts = connection.Query<long>("SELECT (SELECT count(*) FROM records r WHERE r.document_id = d.id) FROM documents d").ToList();
            Assert.That(counts, Is.All.EqualTo(expected), "a reader saw a document without all of its records");
            var totals = LedgerCli.Run("totals", "--by", "donor", "--db", ledger.Setting, "--format", "json");
            Assert.That(totals.ExitCode, Is.EqualTo(0), totals.Error);
            reads++;
        }
        first.WaitForExit();
        second.WaitForExit();

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(0), firstError.Result);
            Assert.That(second.ExitCode, Is.EqualTo(0), secondError.Result);
            Assert.That(firstError.Result + secondError.Result, Does.Not.Contain("locked").And.Not.Contain("busy"));
            Assert.That(firstOutput.Result + secondOutput.Result, Does.Contain("25 new"));
            using var connection = ledger.Database.Connect();
            Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM documents"), Is.EqualTo(50));
            Assert.That(reads, Is.GreaterThan(0));
        });
    }
}
