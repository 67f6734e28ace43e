using System.Text;

namespace Ledger.Cli;

/// <summary>The documents named on a command line: files as given, folders by their *.txt files.</summary>
internal static class Documents
{
    // Invalid UTF-8 becomes U+FFFD instead of stopping the run: a damaged page still has records.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static bool TryList(IEnumerable<string> paths, TextWriter error, out List<string> files)
    {
        files = [];
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.GetFiles(path, "*.txt").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
            {
                error.WriteLine($"ledger: no such file or folder: {path}");
                return false;
            }
        }
        return true;
    }

    public static string Read(string file) => File.ReadAllText(file, Utf8);
}
