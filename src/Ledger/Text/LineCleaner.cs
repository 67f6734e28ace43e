using System.Buffers;

namespace Ledger.Text;

/// <summary>
/// Cleans one line of a report: full-width forms folded, Traditional characters simplified, pinyin
/// debris and stray spaces removed, Markdown heading marks dropped.
/// </summary>
internal static class LineCleaner
{
    // Full-width punctuation the rules read in its ASCII form. 。、 and the Chinese quotes “”‘’《》
    // stay as they are: sentences and lists are cut at them.
    // ，→,  ；→;  ：→:  （→(  ）→)  ！→!  ？→?  full-width digits and letters → ASCII, U+3000 → space.
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    // Vowels with tone marks: a parenthesised run of latin letters holding them after a Han
    // character is pinyin added by a converter (戰(zhàn)), not text.
    private const string PinyinLetters = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";

    public readonly record struct Cleaned(string Text, bool IsHeading, bool Spaced);

    // Lines up to this long are cleaned in a buffer on the stack; longer ones in a rented one.
    private const int StackLine = 256;

    public static Cleaned Clean(ReadOnlySpan<char> line, bool traditional)
    {
        // Each step writes its result into a part of one buffer of its own: only the cleaned line is a new string.
        char[]? rented = null;
        var buffer = line.Length <= StackLine ? stackalloc char[3 * StackLine] : (rented = ArrayPool<char>.Shared.Rent(3 * line.Length));
        try
        {
            var folded = buffer[..line.Length];
            var n = 0;
            var simplify = traditional || ChineseScript.IsTraditional(line);
            foreach (var raw in line)
            {
                var c = Fold(raw);
                if (c == '\0') continue;
                folded[n++] = simplify ? ChineseScript.ToSimplified(c) : c;
            }
            ReadOnlySpan<char> text = folded[..n];
            if (text.IndexOf('(') >= 0) text = buffer.Slice(line.Length, RemovePinyin(text, buffer.Slice(line.Length, line.Length)));
            var isHeading = false;
            var s = 0;
            while (s < text.Length && text[s] == ' ') s++;
            // "## 危难时刻心系家国": a Markdown heading is a paragraph of its own.
            if (s < text.Length && text[s] == '#')
            {
                while (s < text.Length && text[s] == '#') s++;
                isHeading = true;
            }
            var output = buffer.Slice(2 * line.Length, line.Length);
            var kept = new string(output[..RemoveStraySpaces(text, s, output)]).Replace("**", "");
            return new Cleaned(kept, isHeading, HasSpacedWords(text[s..].Trim()));
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static char Fold(char c)
    {
        // 。、“” are not in this block; every character in it has an ASCII twin.
        if (c is >= FullWidthFirst and <= FullWidthLast) return (char)(c - FullWidthOffset);
        if (c is '\u200B' or '\uFEFF') return '\0';
        if (c is '\u3000' or '\t' or '\u00A0' or '\u2002' or '\u2003' or '\u2009') return ' ';
        return char.IsControl(c) ? '\0' : c;
    }

    // 戰(zhàn) → 戰, 協(xié) → 協; (蛟河), (KN95), (2020) stay. Writes the kept characters to output, returns how many.
    private static int RemovePinyin(ReadOnlySpan<char> s, Span<char> output)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(' && i > 0 && ChineseScript.IsHan(s[i - 1]) && PinyinEnd(s, i + 1) is var close and > 0)
            {
                i = close;
                continue;
            }
            output[n++] = s[i];
        }
        return n;
    }

    private static int PinyinEnd(ReadOnlySpan<char> s, int from)
    {
        var toned = false;
        var letters = 0;
        for (var i = from; i < s.Length && i - from <= 40; i++)
        {
            var c = s[i];
            if (c == ')') return letters > 0 && (toned || letters <= 6) ? i : -1;
            if (c is >= 'a' and <= 'z') letters++;
            else if (PinyinLetters.IndexOf(c) >= 0) { letters++; toned = true; }
            else if (c != ' ') return -1;
        }
        return -1;
    }

    // 捐赠了 100 套防护服 → 捐赠了100套防护服; 24.8 万元 → 24.8万元; "N95 mask" keeps its space.
    // Writes the kept characters to output, returns how many.
    private static int RemoveStraySpaces(ReadOnlySpan<char> text, int start, Span<char> output)
    {
        var n = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c != ' ')
            {
                output[n++] = c;
                continue;
            }
            var next = i + 1;
            while (next < text.Length && text[next] == ' ') next++;
            if (n > 0 && next < text.Length && IsLatinOrDigit(output[n - 1]) && IsLatinOrDigit(text[next]))
                output[n++] = ' ';
            i = next - 1;
        }
        return n;
    }

    // 汇聚精神力量 奏响防疫“最强音”: a space between two Chinese words.
    private static bool HasSpacedWords(ReadOnlySpan<char> text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
            if (text[i] == ' ' && !IsLatinOrDigit(text[i - 1]) && !IsLatinOrDigit(text[i + 1]) && text[i + 1] != ' ') return true;
        return false;
    }

    private static bool IsLatinOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
