namespace Ledger.Extraction;

/// <summary>
/// Reads a clause that names each giver beside a figure of its own, so that every figure keeps
/// its giver instead of being carried to the first name:
/// 其中:中国海油600万元、中船重工300万元… (a list under a total, no verb),
/// 汇丰银行捐赠1亿港元、李嘉诚基金会捐赠7400万港元… (a run of "X gave N"),
/// 包括…杨俊文一万元,海事及水务局员工及其家属五千七百元 (a receipt listing who handed in what).
/// </summary>
internal static class GiverList
{
    private static readonly Lexicon Words = Lexicon.Instance;
    private static readonly WordTable<bool> Opening = Words.Cue("list_opening");
    private static readonly WordTable<bool> MoneyWords = Words.Cue("cash");

    /// <summary>One giver with its figure; <see cref="Verb"/> is the giving word between them, if any.</summary>
    internal readonly record struct Entry(string Giver, int Start, Amount Figure, WordMatch<TriggerRole>? Verb);

    /// <summary>The givers read, and where the words that are no longer a list begin.</summary>
    internal sealed record Run(List<Entry> Entries, int RestStart);

    /// <summary>
    /// The entries of the clause [start, end) from its start as long as each figure stands right
    /// after a giver's name, else null. Without a list already open (其中, 包括, 如下 just before) a
    /// clause is read as a list only when it has two entries or more and each states its own verb,
    /// or when it has no verb at all and follows a gift (<paramref name="followsGift"/>). Words after
    /// the run (…、玉壶集团黄向墨先生率先向…捐赠500万港元) are left to be read as a clause of their own.
    /// </summary>
    public static Run? Read(string text, int start, int end, IReadOnlyList<Amount> figures, bool listOpen, bool followsGift)
    {
        if (figures.Count == 0) return null;
        var entries = new List<Entry>(figures.Count);
        var from = SkipOpening(text, start, end);
        var opened = from > start;
        var verbs = 0;
        var rest = end;
        foreach (var figure in figures)
        {
            if (figure.Start < from) return null;
            var words = text[from..figure.Start];
            // 捐赠了 / 筹措捐款: every giving word before the figure belongs to the verb. The last one says
            // what was given, but money raised from many (筹措) stays raised whatever word follows it.
            WordMatch<TriggerRole>? verb = null;
            while (TrailingVerb(words) is { } v)
            {
                if (verb is null || v.Value == TriggerRole.Raise) verb = v;
                words = words[..v.Start];
            }
            var giver = GiverName(words);
            if (giver is null)
            {
                rest = from;
                break;
            }
            if (verb is not null) verbs++;
            entries.Add(new Entry(giver, from, figure, verb is { } found ? found with { Start = found.Start + from } : null));
            from = SkipAfterFigure(text, figure.End, end);
        }
        if (entries.Count == 0) return null;
        // What follows the last figure must add nothing but goods words (…3100万港元物资) or 等.
        if (rest == end && !TailIsPlain(text, from, end)) rest = from;
        if (listOpen || opened) return new Run(entries, rest);
        if (entries.Count >= 2 && verbs == entries.Count) return new Run(entries, rest);
        return entries.Count >= 2 && verbs == 0 && followsGift && rest == end ? new Run(entries, rest) : null;
    }

    /// <summary>Whether a clause opens a list of givers for the clauses after it (其中: / 包括 / 名单如下:).</summary>
    public static bool Opens(string text, int start, int end)
    {
        var words = DonorNames.Trim(text.AsSpan(start, end - start));
        if (words.Length > 0 && Opening.TryMatchAt(words, 0, out var m) && m.End == words.Length) return true;
        // 其他企业及社会团体捐款的基本情况是: / 捐款单位: a giving word before a colon announces its givers.
        return end < text.Length && text[end] is ':' or '：' && Words.Triggers.ContainsAny(text, start, end);
    }

    // 其中:… / 包括… / 分别为…: the opening word of a list, skipped.
    private static int SkipOpening(string text, int start, int end)
    {
        var s = start;
        while (s < end && text[s] is ' ' or ':' or '：') s++;
        if (Opening.TryMatchAt(text, s, out var m) && m.End <= end)
        {
            s = m.End;
            while (s < end && text[s] is ' ' or ':' or '：' or ',') s++;
            return s;
        }
        return start;
    }

    // 300万元、 / 1亿港元、 / 五千七百元, / 约3100万港元物资、: separators, and goods words the figure values.
    private static int SkipAfterFigure(string text, int from, int end)
    {
        if (Words.Items.TryMatchAt(text, from, out var goods) && goods.End <= end && goods.Value.Generic) from = goods.End;
        while (from < end && text[from] is '、' or ' ' or ',' or '，' or ';' or '；' or '和' or '及') from++;
        return from;
    }

    private static bool TailIsPlain(string text, int from, int end)
    {
        var tail = DonorNames.Trim(text[from..end]);
        if (tail.Length == 0 || tail == "等") return true;
        // 新鸿基地产捐赠约3100万港元物资: goods words after the last figure.
        return tail.Length <= 6 && Words.Items.TryMatchAt(tail, 0, out var item) && item.End >= tail.Length - 1;
    }

    // 汇丰银行捐赠 / 范宏伟等各捐 / 李达三捐出了
    private static WordMatch<TriggerRole>? TrailingVerb(string words)
    {
        var end = words.Length;
        while (end > 0 && words[end - 1] is ' ' or '了') end--;
        for (var length = Math.Min(4, end); length >= 1; length--)
        {
            if (Words.Triggers.TryMatchAt(words, end - length, out var m) && m.End == end) return m;
        }
        return null;
    }

    /// <summary>The giver the words name, or null when they say anything more than a name.</summary>
    private static string? GiverName(string words)
    {
        var name = DonorNames.Trim(words);
        if (name.EndsWith('各')) name = DonorNames.Trim(name[..^1]);
        if (name.EndsWith('等')) name = DonorNames.Trim(name[..^1]);
        if (name.Length < 2 || name.Length > 40) return null;
        // A preposition or any other verb means the words are a clause, not a name (向灾区, 为…).
        if (SubjectReader.FirstPredicateMarker(name, 0) < name.Length) return null;
        if (!SubjectReader.IsPlausibleName(name)) return null;
        // 其中资金10.8亿元、物资价值1.8亿元: parts of a sum by kind of money, not givers.
        if (MoneyWords.ContainsAny(name)) return null;
        var core = DonorNames.CoreName(name);
        if (core is null) return null;
        if (DonorNames.IsNameLike(name)) return core;
        // 口罩 / 医用口罩: goods are no giver; 北山食品 names a company by its goods after a name of its own.
        return IsBrand(core) && !StartsWithGoods(core) ? core : null;
    }

    private static bool StartsWithGoods(string name)
    {
        for (var i = 0; i < name.Length; i++)
            if (Words.Items.TryMatchAt(name, i, out _)) return i == 0 || IsModifier(name[..i]);
        return false;
    }

    // 医用口罩 / 一次性手套: words that describe goods, not a maker.
    private static readonly WordTable<bool> GoodsModifier = Words.Cue("goods_modifier");

    private static bool IsModifier(string words) => GoodsModifier.TryMatchAt(words, 0, out var m) && m.End == words.Length;

    // 中国海油 / 昆仑山 / 李锦记: a short all-Han name stands for its company in a list of givers.
    private static bool IsBrand(string name) => name.Length is >= 2 and <= 8 && DonorNames.AllHan(name.Replace("-", "").Replace("·", ""));
}
