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

    // Read whole and decoded once: a reader's buffers would cost more than a report of a few kilobytes.
    public static string Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        // A byte-order mark names the encoding (a report saved as "Unicode" is UTF-16); else it is UTF-8.
        var (encoding, mark) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Utf8, 3),
            [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
            _ => (Utf8, 0),
        };
        return encoding.GetString(bytes, mark, bytes.Length - mark);
    }
}
