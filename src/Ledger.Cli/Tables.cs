using Spectre.Console;

namespace Ledger.Cli;

/// <summary>
/// Tables for reading in a terminal: columns aligned by display width (a Chinese character takes
/// two columns), the table fitted to the terminal's width, long cells wrapped within their column.
/// Written through Spectre.Console, which measures East Asian widths and fits columns.
/// </summary>
internal static class Tables
{
    // Piped output has no terminal to fit: COLUMNS when set, else wide enough for a report's lines.
    private const int PipedWidth = 160;

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var rendered = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });
        console.Profile.Width = Width();
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Spectre.Console.Text(header)));
        foreach (var row in rows) table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Spectre.Console.Text(cell)).ToArray());
        console.Write(table);
        // Without the padding after the last column and the blank top border: lines a reader can copy.
        var lines = rendered.ToString().Split('\n').Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        foreach (var line in lines) output.WriteLine(line);
    }

    private static int Width()
    {
        if (!Console.IsOutputRedirected)
        {
            try
            {
                return Math.Max(40, Console.WindowWidth);
            }
            catch (IOException)
            {
                // No terminal after all.
            }
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : PipedWidth;
    }
}
