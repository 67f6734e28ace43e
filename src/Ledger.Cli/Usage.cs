using Ledger.Extraction;

namespace Ledger.Cli;

/// <summary>What each command takes and does, as `ledger --help` and `ledger COMMAND --help` print it.</summary>
internal static class Usage
{
    /// <summary>Each command: the line that shows how it is called, then what it does.</summary>
    public static readonly IReadOnlyDictionary<string, (string Synopsis, string Description)> Commands = new Dictionary<string, (string, string)>
    {
        ["extract"] = ("ledger extract PATH... [--format jsonl|table] [--year YEAR]", """
            Prints the donation records of files and folders (a folder's *.txt files),
            JSON Lines in the extraction spec's exchange format by default.
            """),
        ["eval"] = ("ledger eval --gold FILE (PATH... | --pred FILE) [--show N] [--year YEAR]", """
            Scores records against gold records: precision, recall, F1 and field accuracies
            as the reference scorer computes them, then what was missed and what was spurious.
            """),
        ["ingest"] = ("ledger ingest PATH... --db LEDGER [--year YEAR]", """
            Puts documents into a ledger, read on every core and written a few thousand
            records a transaction: the same text again changes nothing, a changed document replaces
            its earlier records and stays in history, a document that cannot be stored is reported
            and the others go on (exit code 1).
            """),
        ["totals"] = ("""
            ledger totals --by donor|recipient|donor-kind|category|month|document --db LEDGER
                          [--format table|json|csv] [--from DATE] [--to DATE] [--category C]
                          [--donor-kind K] [--document NAME] [--donor ID|NAME] [--recipient ID|NAME]
            """, """
            Totals: itemised gifts and reported totals apart; cash, goods value, combined apart;
            a gift shared by several receivers counted once, in their shared group.
            """),
        ["show"] = ("ledger show ORGANIZATION --db LEDGER", """
            One organization by its id or a name it is known by: its names, what it gave and received
            (alone, and shared with other receivers), each gift with its figures, receivers and the
            sentence it was read from, the reported totals beside them: what GET /organizations/{id} answers.
            """),
        ["reextract"] = ("ledger reextract --db LEDGER [--apply]", """
            Reads the stored documents again with this extractor and shows what would change;
            --apply changes the ledger (earlier records are kept, no longer counted).
            """),
        ["migrate"] = ("ledger migrate --from LEDGER --to LEDGER", """
            Copies a ledger, with its documents, history, names, decisions and corrections, into a
            new one in another store (a SQLite file into PostgreSQL, or back), in one transaction;
            then reads the totals of every grouping from both and says whether they are equal (exit 1 if not).
            """),
    };

    private const string ExitCodes = """
        LEDGER is a SQLite file (ledger.db), or a PostgreSQL connection string ("Host=…;Database=…").

        exit codes: 0 done; 1 some documents could not be ingested, or a copy's totals differ;
        2 a wrong command line, or a file or ledger that cannot be read.
        """;

    /// <summary>ledger --help: every command.</summary>
    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine("usage:");
        foreach (var (synopsis, description) in Commands.Values)
        {
            writer.WriteLine(Indent(synopsis, "  "));
            writer.WriteLine(Indent(description, "      "));
        }
        writer.WriteLine("  ledger --version");
        writer.WriteLine(ExitCodes);
        return exitCode;
    }

    /// <summary>ledger COMMAND --help: that command alone.</summary>
    public static int PrintCommand(TextWriter writer, string command)
    {
        var (synopsis, description) = Commands[command];
        writer.WriteLine("usage: " + synopsis.Trim());
        writer.WriteLine();
        writer.WriteLine(description.Trim());
        writer.WriteLine();
        writer.WriteLine(ExitCodes);
        return 0;
    }

    /// <summary>ledger --version: the tool's version, the extractor's and the ledger schema's.</summary>
    public static int Version(TextWriter writer)
    {
        var version = typeof(Usage).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        writer.WriteLine($"ledger {version} (extractor {DonationExtractor.Version}, ledger schema {Ledger.Storage.Schema.Latest})");
        return 0;
    }

    /// <summary>An unknown command: what it is not, and the nearest one there is.</summary>
    public static int Unknown(TextWriter error, string command)
    {
        var nearest = Commands.Keys.MinBy(known => Distance(command, known))!;
        error.WriteLine(Distance(command, nearest) <= 2
            ? $"ledger: '{command}' is not a command; did you mean '{nearest}'? (ledger --help lists them)"
            : $"ledger: '{command}' is not a command; the commands are {string.Join(", ", Commands.Keys)} (ledger --help)");
        return 2;
    }

    /// <summary>A usage error: the one thing that is wrong, and how the command is called; exit code 2.</summary>
    public static int Fail(TextWriter error, string command, string message)
    {
        error.WriteLine($"ledger {command}: {message}");
        error.WriteLine("usage: " + System.Text.RegularExpressions.Regex.Replace(Commands[command].Synopsis.Trim(), @"\s+", " "));
        return 2;
    }

    private static string Indent(string text, string by) => string.Join('\n', text.Trim().Split('\n').Select(line => by + line.TrimEnd()));

    // Edits between two words (insertions, deletions, substitutions).
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
