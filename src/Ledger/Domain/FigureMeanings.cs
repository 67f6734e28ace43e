using System.Reflection;

namespace Ledger.Domain;

/// <summary>
/// What each figure of the ledger means (what is summed, what is shared, what is a bound), written
/// once in Figures.md: the OpenAPI document carries it, README.md holds it word for word (a test
/// compares them), and the code that sums, shares and bounds figures follows it.
/// </summary>
public static class FigureMeanings
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ledger.Domain.Figures.md")
            ?? throw new InvalidOperationException("Missing Domain/Figures.md");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
