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
          ledger ingest PATH... --db FILE [--year YEAR]
              Puts documents into a ledger (SQLite), read on every core and written a few thousand
              records a transaction: the same text again changes nothing, a changed document replaces
              its earlier records and stays in history, a document that cannot be stored is reported
              and the others go on (exit code 1).
          ledger totals --by donor|recipient|donor-kind|category|month|document --db FILE
                        [--format table|json|csv] [--from DATE] [--to DATE] [--category C]
                        [--donor-kind K] [--document NAME] [--donor ID|NAME] [--recipient ID|NAME]
              Totals: itemised gifts and reported totals apart; cash, goods value, combined apart.
          ledger reextract --db FILE [--apply]
              Reads the stored documents again with this extractor and shows what would change;
              --apply changes the ledger (earlier records are kept, no longer counted).
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
