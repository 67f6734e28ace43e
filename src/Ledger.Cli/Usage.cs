namespace Ledger.Cli;

internal static class Usage
{
    public const string Text = """
        usage:
          ledger extract PATH... [--format jsonl|table] [--year YEAR]
              Prints the donation records of files and folders (a folder's *.txt files),
              JSON Lines in the extraction spec's exchange format by default.
          ledger eval --gold FILE (PATH... | --pred FILE) [--show N] [--year YEAR]
              Scores records against gold records: precision, recall, F1 and field accuracies
              as the reference scorer computes them, then what was missed and what was spurious.
        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Text);
        return exitCode;
    }

    /// <summary>A usage error: the message, the usage, exit code 2.</summary>
    public static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"ledger: {message}");
        error.WriteLine(Text);
        return 2;
    }
}
