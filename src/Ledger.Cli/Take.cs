using System.CommandLine;

namespace Ledger.Cli;

/// <summary>The kinds of value the commands take, each checked when the command line is parsed and refused in one line.</summary>
internal static class Take
{
    /// <summary>A ledger: a SQLite file, or a PostgreSQL connection string ("Host=…;…"), opened by <see cref="LedgerFile"/>.</summary>
    public static Option<string> Ledger(string name = "--db", string description = "the ledger: a SQLite file, or a PostgreSQL connection string") =>
        new(name) { Description = description, HelpName = "LEDGER", Required = true };

    /// <summary>Text as given (a file, a date, a name).</summary>
    public static Option<string> Text(string name, string helpName, string description, bool required = false) =>
        new(name) { Description = description, HelpName = helpName, Required = required };

    /// <summary>A whole number from 0 up; anything else is refused with what was given.</summary>
    public static Option<int?> WholeNumber(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
            result.AddError($"{name} takes a whole number, not '{text}'");
            return null;
        },
    };

    /// <summary>--year: the year of dates in a document that does not reveal its own.</summary>
    public static Option<int?> Year() => WholeNumber("--year", "YEAR", "the year for dates when a document does not reveal its own");

    /// <summary>One of a few words, the first by default; the shell can complete them.</summary>
    public static Option<string> OneOf(string name, string description, params string[] values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', values),
            DefaultValueFactory = _ => values[0],
        };
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !values.Contains(result.Tokens[0].Value))
                result.AddError($"{name} is {string.Join(", ", values[..^1])} or {values[^1]}, not '{result.Tokens[0].Value}'");
        });
        return option;
    }

    /// <summary>Files and folders (a folder's *.txt files).</summary>
    public static Argument<string[]> Paths(int atLeast) => new("PATH")
    {
        Description = "a file, or a folder whose *.txt files are read in name order",
        Arity = atLeast == 0 ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
    };
}
