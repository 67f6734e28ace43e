using System.Reflection;

namespace Ledger;

/// <summary>Reads the language data files embedded in the library (see the Data folders).</summary>
internal static class LanguageData
{
    public static IEnumerable<string> Lines(string logicalPath)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ledger." + logicalPath)
            ?? throw new InvalidOperationException($"Missing language data file {logicalPath}");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line;
        }
    }
}
