using System.CommandLine;
using System.CommandLine.Help;
using Ledger.Cli;

// ledger: extraction from the command line. Each command is a class of its own; System.CommandLine parses
// the command line (options as --name value or --name=value, checked values, --help, [suggest] completions),
// Usage says what is printed.
var root = new RootCommand
{
    ExtractCommand.Command(),
    EvalCommand.Command(),
    IngestCommand.Command(),
    TotalsCommand.Command(),
    ShowCommand.Command(),
    ReextractCommand.Command(),
    MigrateCommand.Command(),
};
foreach (var option in root.Options)
{
    if (option is HelpOption) option.Action = new Usage.Printed(parsed => parsed.CommandResult.Command is RootCommand
        ? Usage.Print(Console.Out, 0)
        : Usage.PrintCommand(Console.Out, parsed.CommandResult.Command));
    else if (option is VersionOption) option.Action = new Usage.Printed(_ => Usage.Version(Console.Out));
}

// A document's name may start with @: it is a path, never a file of more arguments.
var parsed = root.Parse(args is ["help"] ? ["--help"] : args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction) return Usage.Fail(parsed, Console.Error);
// An exception is the .NET runtime's to report, as before, and its exit code is none of the documented ones.
return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
