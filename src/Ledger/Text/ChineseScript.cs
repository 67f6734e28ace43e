namespace Ledger.Text;

/// <summary>
/// Traditional → Simplified Chinese, character by character, from OpenCC's table (Data/t2s.tsv).
/// </summary>
/// <remarks>
/// A few traditional characters are also written in Simplified texts, mostly in names (朗昇电气,
/// 乾坤): converting them there would corrupt a name the reader must find again. So the table is
/// applied to text that is written in Traditional characters (see <see cref="IsTraditional"/>), and
/// Simplified text is left as written.
/// </remarks>
internal static class ChineseScript
{
    // Indexed by UTF-16 code unit: '\0' where the character has no simplified form.
    private static readonly char[] Simplified = LoadTable();

    // A text is Traditional when at least this share of its Han characters exist only in traditional form.
    private const double TraditionalShare = 0.05;

    private static char[] LoadTable()
    {
        var table = new char[char.MaxValue + 1];
        foreach (var line in LanguageData.Lines("Text/Data/t2s.tsv"))
        {
            if (line.Length >= 3 && line[1] == '\t') table[line[0]] = line[2];
        }
        return table;
    }

    public static bool HasSimplifiedForm(char c) => Simplified[c] != '\0';

    public static char ToSimplified(char c) => Simplified[c] is var s && s != '\0' ? s : c;

    /// <summary>Whether the text is written in Traditional characters (many traditional-only characters).</summary>
    public static bool IsTraditional(ReadOnlySpan<char> text)
    {
        var han = 0;
        var traditional = 0;
        foreach (var c in text)
        {
            if (!IsHan(c)) continue;
            han++;
            if (Simplified[c] != '\0') traditional++;
        }
        return han > 0 && traditional >= 2 && traditional >= han * TraditionalShare;
    }

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
