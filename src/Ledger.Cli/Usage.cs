using System.CommandLine;
using System.CommandLine.Invocation;
using Ledger.Extraction;

namespace Ledger.Cli;

/// <summary>
/// What each command takes and does, as `ledger --help` and `ledger COMMAND --help` print it, and how a wrong
/// command line is answered. System.CommandLine parses; the words are here.
/// </summary>
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

    /// <summary>A command of this name, described as <see cref="Commands"/> says.</summary>
    public static Command Command(string name) => new(name, Commands[name].Description.Trim());

    /// <summary>ledger --help: every command, then the options every command takes.</summary>
    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine("usage:");
        foreach (var (synopsis, description) in Commands.Values)
        {
            writer.WriteLine(Indent(synopsis, "  "));
            writer.WriteLine(Indent(description, "      "));
        }
        writer.WriteLine("  ledger --version");
        writer.WriteLine("  ledger [suggest:POSITION] \"COMMAND LINE\"   # what the shell may complete there");
        writer.WriteLine();
        writer.WriteLine(ExitCodes);
        return exitCode;
    }

    /// <summary>ledger COMMAND --help: that command's synopsis and description, what each argument and option is, the exit codes.</summary>
    public static int PrintCommand(TextWriter writer, Command command)
    {
        var (synopsis, description) = Commands[command.Name];
        writer.WriteLine("usage: " + synopsis.Trim());
        writer.WriteLine();
        writer.WriteLine(description.Trim());
        writer.WriteLine();
        var rows = command.Arguments.Select(a => (a.Name + (a.Arity.MaximumNumberOfValues > 1 ? "..." : ""), a.Description ?? ""))
            .Concat(command.Options.Select(o => (o.Name + (o.HelpName is { } value ? " " + value : ""), o.Description + (o.Required ? " (required)" : ""))))
            .Append(("--help", "this help"))
            .ToList();
        var width = rows.Max(row => row.Item1.Length) + 2;
        foreach (var (name, what) in rows) writer.WriteLine("  " + name.PadRight(width) + what);
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

    /// <summary>
    /// A command line that does not parse: an unknown command is named with the nearest one there is;
    /// otherwise the one thing that is wrong (the first error System.CommandLine found) and how the command is called.
    /// Exit code 2.
    /// </summary>
    public static int Fail(ParseResult result, TextWriter error)
    {
        var command = result.CommandResult.Command;
        if (command is RootCommand)
        {
            if (result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } unknown) return Unknown(error, unknown);
            if (result.UnmatchedTokens.FirstOrDefault() is not { } option) return Print(error, 2);
            error.WriteLine($"ledger: '{option}' is not an option of its own; options follow a command (ledger --help lists them)");
            return 2;
        }
        error.WriteLine($"ledger {command.Name}: {result.Errors[0].Message}");
        error.WriteLine("usage: " + System.Text.RegularExpressions.Regex.Replace(Commands[command.Name].Synopsis.Trim(), @"\s+", " "));
        return 2;
    }

    /// <summary>An unknown command: what it is not, and the nearest one there is.</summary>
    private static int Unknown(TextWriter error, string command)
    {
        var nearest = Commands.Keys.MinBy(known => Distance(command, known))!;
        error.WriteLine(Distance(command, nearest) <= 2
            ? $"ledger: '{command}' is not a command; did you mean '{nearest}'? (ledger --help lists them)"
            : $"ledger: '{command}' is not a command; the commands are {string.Join(", ", Commands.Keys)} (ledger --help)");
        return 2;
    }

    /// <summary>--help and -h print <see cref="Print"/> or <see cref="PrintCommand"/>; --version prints <see cref="Version"/>.</summary>
    public sealed class Printed(Func<ParseResult, int> print) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult) => print(parseResult);
    }

    private static string Indent(string text, string by) => string.Join('\n', text.Trim().Split('\n').Select(line => by + line.TrimEnd()));

    // Edits between two words (insertions, deletions, substitutions). System.CommandLine's own typo
    // corrections list near names without saying the word is no command, and name none when nothing is near.
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
