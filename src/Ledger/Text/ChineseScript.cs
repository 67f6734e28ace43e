namespace Ledger.Text;

/// <summary>
/// Traditional → Simplified Chinese, character by character, from OpenCC's table (Data/t2s.tsv).
/// </summary>
/// <remarks>
/// A few traditional characters are also written in Simplified texts, mostly in names (朗昇电气,
/// 乾坤): converting them there would corrupt a name the reader must find again. So the table is
/// applied to documents and lines written in Traditional characters (see <see cref="IsTraditional"/>),
/// and Simplified text is left as written.
/// </remarks>
internal static class ChineseScript
{
    // Indexed by UTF-16 code unit: '\0' where the character has no simplified form.
    private static readonly char[] Simplified = new char[char.MaxValue + 1];

    // Characters that only Simplified texts use (会, 为, 电): the simplified side of the table.
    private static readonly bool[] SimplifiedOnly = new bool[char.MaxValue + 1];

    static ChineseScript()
    {
        foreach (var line in LanguageData.Lines("Text/Data/t2s.tsv"))
        {
            if (line.Length < 3 || line[1] != '\t') continue;
            Simplified[line[0]] = line[2];
            SimplifiedOnly[line[2]] = true;
        }
        for (var c = 0; c <= char.MaxValue; c++)
            if (Simplified[c] != '\0') SimplifiedOnly[c] = false;
    }

    public static bool HasSimplifiedForm(char c) => Simplified[c] != '\0';

    public static char ToSimplified(char c) => Simplified[c] is var s && s != '\0' ? s : c;

    /// <summary>
    /// Whether the text is written in Traditional characters: it uses more characters found only in
    /// Traditional texts (會, 為, 電) than characters found only in Simplified ones (会, 为, 电).
    /// </summary>
    public static bool IsTraditional(ReadOnlySpan<char> text)
    {
        var traditional = 0;
        var simplified = 0;
        foreach (var c in text)
        {
            if (Simplified[c] != '\0') traditional++;
            else if (SimplifiedOnly[c]) simplified++;
        }
        return traditional > simplified;
    }

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
