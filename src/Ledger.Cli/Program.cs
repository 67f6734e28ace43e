using Ledger.Cli;

// ledger: extraction from the command line. Each command is a class of its own.
return args switch
{
    [var command, "--help" or "-h"] when Usage.Commands.ContainsKey(command) => Usage.PrintCommand(Console.Out, command),
    ["extract", .. var rest] => ExtractCommand.Run(rest, Console.OpenStandardOutput(), Console.Error),
    ["eval", .. var rest] => EvalCommand.Run(rest, Console.Out, Console.Error),
    ["ingest", .. var rest] => IngestCommand.Run(rest, Console.Out, Console.Error),
    ["totals", .. var rest] => TotalsCommand.Run(rest, Console.Out, Console.Error),
    ["reextract", .. var rest] => ReextractCommand.Run(rest, Console.Out, Console.Error),
    ["show", .. var rest] => ShowCommand.Run(rest, Console.Out, Console.Error),
    ["migrate", .. var rest] => MigrateCommand.Run(rest, Console.Out, Console.Error),
    ["--help" or "-h" or "help"] => Usage.Print(Console.Out, 0),
    ["--version"] => Usage.Version(Console.Out),
    [var command, ..] when !command.StartsWith('-') => Usage.Unknown(Console.Error, command),
    _ => Usage.Print(Console.Error, 2),
};
