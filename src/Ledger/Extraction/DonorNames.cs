using System.Text;
using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>
/// Turns the words standing in a subject position into a donor's core name and kind:
/// role titles dropped next to a person's name, lists kept as lists.
/// </summary>
internal static class DonorNames
{
    private static readonly Lexicon Words = Lexicon.Instance;
    private static readonly char[] ListSeparators = ['、', '和', '及', '与'];

    // Every character SplitList may cut at.
    private const string Joints = "、,和及与";

    /// <summary>
    /// 市政协委员赵国良 → 赵国良; 政协委员、城建委副主任(兼职不驻会)吴庆和 → 吴庆和;
    /// 市政协香港委员英炜、吕晶、澳门委员许前进和委员王红军 → 英炜、吕晶、许前进、王红军;
    /// 市政协机关85名在职党员和64名离退休党员 stays as written (no name follows 党员).
    /// </summary>
    public static string? CoreName(string subject)
    {
        var text = Trim(RemoveAsides(subject));
        // 由银鸽投资(捐赠): the preposition that brings in the giver is not part of its name.
        if (text.Length > 2 && text[0] == '由') text = text[1..];
        // 校友李某某个人(捐资): personally, not part of the name.
        if (text.Length > 4 && text.EndsWith("个人", StringComparison.Ordinal)) text = text[..^2];
        if (text.Length == 0) return null;
        text = DropTrailingEtc(text);
        var parts = SplitList(text);
        var persons = new List<string?>(parts.Count);
        foreach (var part in parts) persons.Add(PersonBehindTitle(part));
        var anyPerson = persons.Exists(p => p is not null);
        var names = new List<string>(parts.Count);
        var changed = false;
        for (var i = 0; i < parts.Count; i++)
        {
            if (persons[i] is { } name)
            {
                changed |= name != parts[i];
                names.Add(name);
            }
            // 离退休党支部书记、市政协原副主席杨亚光: the office beside a named person is no giver.
            else if (anyPerson && IsTitleOnly(parts[i])) changed = true;
            else names.Add(parts[i]);
        }
        if (names.Count == 0) return text.Length >= 2 ? text : null;
        var result = changed ? string.Join("、", names) : text;
        return result.Length >= 2 ? result : null;
    }

    /// <summary>The person in "title + name" or "name + title", else null.</summary>
    /// <example>哈尔滨海鹏经贸有限公司董事长许鹏 → 许鹏; 哈尔滨绿色春天中医院李桂林院长 → 李桂林; 吕晶委员 → 吕晶.</example>
    internal static string? PersonBehindTitle(string part)
    {
        // Title before the name: the text after the last title is a name.
        var titles = Words.Titles.FindAll(part);
        for (var t = titles.Count - 1; t >= 0; t--)
        {
            var rest = Trim(part[titles[t].End..]);
            // 全县党员干部: words for many people after a title are no person's name.
            if (rest.Length > 0 && (LooksLikePersonName(rest) || IsNameAfterTitle(rest)) && !Words.KindMembers.ContainsAny(rest)) return rest;
            if (rest.Length > 0) break;
        }
        // Name before a closing title: …李桂林院长, 吕晶委员.
        if (titles.Count > 0 && titles[^1].End == part.Length)
        {
            var before = Trim(part[..titles[^1].Start]);
            var name = TrailingPersonName(before);
            if (name is not null) return name;
        }
        if (LooksLikePersonName(part) && part.Length <= 3) return part;
        return PersonAfterBody(part) ?? PersonAfterMemberWord(part);
    }

    /// <summary>离休干部吴鹏 / 非党干部职工董娜 → the person: a word for a member standing as a title.</summary>
    private static string? PersonAfterMemberWord(string part)
    {
        // 党建联盟成员单位 ends in a body's word, not a person's name.
        if (KindBySuffix(part) is not (DonorKind.Unknown or DonorKind.Person or DonorKind.Group)) return null;
        foreach (var length in (ReadOnlySpan<int>)[3, 2])
        {
            if (part.Length <= length) continue;
            var name = part[^length..];
            var before = part.AsSpan(0, part.Length - length);
            if (!LooksLikePersonName(name) || Words.KindMembers.ContainsAny(name)) continue;
            foreach (var member in Words.KindMembers.Matches(part, 0, part.Length - length))
                if (member.End == before.Length) return name;
        }
        return null;
    }

    /// <summary>安徽乐文文化传媒有限公司储李强 → 储李强: a person named right after the body they belong to.</summary>
    private static string? PersonAfterBody(string part)
    {
        if (part.Length < 5) return null;
        foreach (var length in (ReadOnlySpan<int>)[3, 2])
        {
            if (KindBySuffix(part.AsSpan(0, part.Length - length)) is DonorKind.Unknown or DonorKind.Person or DonorKind.Group) continue;
            var name = part[^length..];
            // 南湖中学师生: words for many people (师生, 员工) after a body are no person.
            if (LooksLikePersonName(name) && !Words.KindMembers.ContainsAny(name)) return name;
        }
        return null;
    }

    // 执行会长阴自义: two or three characters after a title are a name even with a rare surname.
    private static bool IsNameAfterTitle(string rest) =>
        rest.Length is 2 or 3 && AllHan(rest) && !Words.Triggers.ContainsAny(rest) && !Words.Items.ContainsAny(rest)
        && KindBySuffix(rest) is DonorKind.Unknown && !Words.Titles.ContainsAny(rest);

    /// <summary>A person's name ending the text: 3 characters when the first is a surname, else 2.</summary>
    private static string? TrailingPersonName(string text)
    {
        if (text.Length <= 3) return LooksLikePersonName(text) ? text : null;
        foreach (var length in (ReadOnlySpan<int>)[3, 2])
        {
            var name = text[^length..];
            // 23万多名党员 counts people: a name never follows a figure or holds 名/多/余.
            var before = text[^(length + 1)];
            if (Words.Surnames.Contains(name[0]) && AllHan(name) && !char.IsAsciiDigit(before) && name.IndexOfAny(CountWords) < 0)
                return name;
        }
        return null;
    }

    private static readonly char[] CountWords = ['名', '多', '余', '个', '位', '家', '批'];

    public static bool LooksLikePersonName(string text)
    {
        if (text.Length is < 2 or > 4 || !AllHan(text)) return false;
        if (text.Length == 4) return Words.CompoundSurnames.Contains(text[..2]);
        if (Words.Triggers.ContainsAny(text) || Words.Items.ContainsAny(text)) return false;
        if (KindBySuffix(text) is not DonorKind.Unknown and not DonorKind.Group) return false;
        return Words.Surnames.Contains(text[0]) || Words.CompoundSurnames.Contains(text[..2]);
    }

    private static bool IsTitleOnly(string part)
    {
        var titles = Words.Titles.FindAll(part);
        return titles.Count > 0 && titles[^1].End == part.Length && KindBySuffix(part) is DonorKind.Unknown or DonorKind.Group
               && !part.EndsWith("们") && ContainsTitleAsOffice(part);
    }

    // "政协委员" or "党支部书记" alone is an office held by the person named next to it; "党员" or
    // "会员" alone is a group, not an office.
    private static bool ContainsTitleAsOffice(string part) =>
        !(part.EndsWith("党员") || part.EndsWith("会员") || part.EndsWith("社员") || part.EndsWith("企业家") || part.EndsWith("人士"));

    /// <summary>
    /// Whether words can be a giver's name at all: a person, a body with a telling ending (公司,
    /// 政府, 委员会…), a group (党员, 会员, 委员们), or a titled person. 身边资源 or 三次 are not.
    /// </summary>
    public static bool IsNameLike(string words)
    {
        if (words.Length < 2) return false;
        if (KindOf(words) != DonorKind.Unknown) return true;
        if (HasNoJoint(words) ? Trim(words) is { Length: > 0 } one && PersonBehindTitle(one) is not null
            : SplitList(words).Any(p => PersonBehindTitle(p) is not null)) return true;
        return Words.Titles.ContainsAny(words) || words.Contains('某');
    }

    private static readonly WordTable<bool> Collective = Words.Cue("collective");

    /// <summary>
    /// 中国泛海控股集团及卢志强 / 长春市委、市政府: a joint gift of givers each named, which is one gift,
    /// not a total over many (党员和群众 names many, not each).
    /// </summary>
    public static bool IsJointOfNamed(string name)
    {
        var parts = SplitList(name);
        return parts.Count > 1 && parts.All(p => PersonBehindTitle(p) is not null || KindOf(p) is not (DonorKind.Group or DonorKind.Unknown) && !IsCollective(p));
    }

    /// <summary>全省民营企业 / 85名在职党员 / 全市24个支部: many givers under one name.</summary>
    public static bool IsCollective(string name)
    {
        if (Collective.ContainsAny(name)) return true;
        foreach (var number in ChineseNumber.FindAll(name))
            if (number.End < name.Length && name[number.End] is '名' or '个' or '家' or '位' or '户' && number.Value.Value > 1) return true;
        return false;
    }

    /// <summary>Whether the words begin with a body's name (香港赛马会慈善信托基金拨款 → …基金).</summary>
    public static bool BeginsWithBody(string words)
    {
        for (var end = words.Length; end >= 3; end--)
            if (KindBySuffix(words.AsSpan(0, end)) is not (DonorKind.Unknown or DonorKind.Person or DonorKind.Group)) return true;
        return false;
    }

    public static DonorKind KindOf(string name)
    {
        var parts = SeveralParts(name);
        var several = parts is not null;
        if (several && parts!.All(LooksLikePersonName)) return DonorKind.Person;
        // Of one part or none: a name of no part (only marks) is no person's name either.
        if (!several && LooksLikePersonName(name)) return DonorKind.Person;
        if (Earliest(Words.KindContains, name) is { } strong) return strong;
        var bySuffix = KindBySuffix(name);
        if (bySuffix == DonorKind.Unknown && Earliest(Words.KindMembers, name) is { } members) return members;
        if (several && bySuffix is DonorKind.Person or DonorKind.Unknown) return DonorKind.Group;
        return bySuffix;
    }

    private static DonorKind? Earliest(WordTable<(int Order, DonorKind Kind)> table, string name)
    {
        // The first of the lowest order, as MinBy would pick it.
        (int Order, DonorKind Kind)? earliest = null;
        foreach (var m in table.Matches(name))
            if (earliest is null || m.Value.Order < earliest.Value.Order) earliest = m.Value;
        return earliest?.Kind;
    }

    private static DonorKind KindBySuffix(string name) => KindBySuffix(name.AsSpan());

    /// <summary>The kind the name's ending tells (kinds.tsv, suffix rows), or Unknown.</summary>
    internal static DonorKind KindBySuffix(ReadOnlySpan<char> name)
    {
        for (var length = Math.Min(Words.LongestKindSuffix, name.Length); length >= 1; length--)
            if (Words.KindSuffixes.TryGetValue(name[^length..], out var kind)) return kind;
        return DonorKind.Unknown;
    }

    /// <summary>
    /// The givers of a list that each gave (A、B、C等各捐): split at 、 only, since 汇丰和恒生 inside
    /// such a list is one joint gift; without 、 at every joint (A和B各捐).
    /// </summary>
    public static List<string> SplitGivers(string text)
    {
        if (text.IndexOf('、') < 0) return SplitList(text);
        var parts = new List<string>();
        foreach (var part in text.Split('、')) AddPart(parts, part);
        return parts;
    }

    /// <summary>The parts <see cref="SplitList"/> finds when there are several, else null.</summary>
    public static List<string>? SeveralParts(string text) => !HasNoJoint(text) && SplitList(text) is { Count: > 1 } parts ? parts : null;

    // Most names hold no character a list is cut at: they are one part, trimmed, and need no list to be told so.
    private static bool HasNoJoint(string text) => text.AsSpan().IndexOfAny(Joints) < 0;

    public static List<string> SplitList(string text)
    {
        // Most names are one part: without a separator or a joint there is nothing to cut.
        if (HasNoJoint(text))
        {
            var whole = Trim(text);
            return whole.Length > 0 ? [whole] : [];
        }
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && (text[i] is '、' or ',' || (Array.IndexOf(ListSeparators, text[i]) >= 0 && i > start && IsListJoint(text, i))))
            {
                AddPart(parts, text[start..i]);
                start = i + 1;
            }
            else if (i == text.Length) AddPart(parts, text[start..]);
        }
        return parts;
    }

    // 和 joins two givers only between names, not inside words like 和平 or 共和.
    private static bool IsListJoint(string text, int i)
    {
        if (text[i] == '、') return true;
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        // 武汉协和医院 / 共和: 和 inside a name.
        var previous = i > 0 ? text[i - 1] : '\0';
        return next is not ('平' or '谐' or '睦' or '美') && previous is not ('协' or '共' or '温' or '谦' or '柔') && i + 1 < text.Length;
    }

    private static void AddPart(List<string> parts, string part)
    {
        part = Trim(part);
        if (part.Length > 0) parts.Add(part);
    }

    private static string DropTrailingEtc(string text)
    {
        var etc = text.LastIndexOf('等');
        return etc > 0 && etc >= text.Length - 6 ? Trim(text[..etc]) : text;
    }

    /// <summary>
    /// Drops asides in parentheses (副主任(兼职不驻会)吴庆和) but keeps a place inside a body's
    /// name: 周大福珠宝钟表(澳门)有限公司, 中意联动科技(天津)有限公司.
    /// </summary>
    public static string RemoveAsides(string text)
    {
        var open = text.IndexOfAny(['(', '（']);
        if (open <= 0) return RemoveParentheses(text);
        var close = text.IndexOfAny([')', '）'], open);
        if (close < 0 || close - open > 6) return RemoveParentheses(text);
        var rest = text[(close + 1)..];
        var inside = text[(open + 1)..close];
        // 高一(1)班 / 三(二)班: a number in parentheses inside a name is part of it.
        var numbered = inside.Length is >= 1 and <= 3 && rest.Length > 0 && inside.All(c => char.IsAsciiDigit(c) || ChineseNumber.IsNumeral(c) || c == '十');
        return numbered || AllHan(inside) && rest.Length > 0 && KindBySuffix(RemoveParentheses(rest)) is DonorKind.Company
            ? text[..(close + 1)] + RemoveAsides(rest)
            : RemoveParentheses(text);
    }

    public static string RemoveParentheses(string text)
    {
        if (text.IndexOf('(') < 0 && text.IndexOf('（') < 0) return text;
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '（') depth++;
            else if (c is ')' or '）') depth = Math.Max(0, depth - 1);
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }

    // One array for every call: Trim(params char[]) would build one each time, on a hot path.
    private static readonly char[] TrimmedMarks = [' ', ',', '、', ';', ':', '“', '”', '"', '\'', '‘', '’', '。', '(', ')', '《', '》'];

    public static string Trim(string text) => text.Trim(TrimmedMarks);

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text) => text.Trim(TrimmedMarks);

    public static bool AllHan(string text)
    {
        foreach (var c in text)
            if (c < '\u4e00' || c > '\u9fff') return false;
        return text.Length > 0;
    }
}
