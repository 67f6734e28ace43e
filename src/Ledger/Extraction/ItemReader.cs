using Ledger.Domain;

namespace Ledger.Extraction;

/// <summary>An item found in a clause, with where it stands.</summary>
internal sealed record FoundItem(DonatedItem Item, int Start, int End, bool Generic, bool AfterEtc, bool SumsUp = false);

/// <summary>
/// Reads goods and their quantities from a clause: the quantity may stand before the name
/// (3.5万只医用外科口罩) or after it (口罩5500个, 防护服 370 套); one item may carry two units
/// (84消毒液10箱40桶: the finer one is kept).
/// </summary>
internal static class ItemReader
{
    private static readonly Lexicon Words = Lexicon.Instance;
    private static readonly WordTable<bool> NicknameEnd = Words.Cue("nickname_end");

    // Characters that end an item's name on its left: list marks, particles and quotes.
    private const string NameStops = "、,;:。的了和及与或等“”\"《》()批种类各些给向为在将把从由到至是有共计合括";
    private const int MaxModifierLength = 6;

    public static List<FoundItem> Read(string text, int start, int end, IReadOnlyList<Amount> quantities)
    {
        var found = new List<FoundItem>();
        // The counts already given to an item; made with the first one, as most clauses count no goods.
        HashSet<Amount>? used = null;
        foreach (var word in Words.Items.Matches(text, start, end))
        {
            // 黑龙江某食品公司 / 口罩厂: goods named in a company's name are no goods given.
            if (InBodyName(text, word.End)) continue;
            // “口罩哥”: goods in a nickname name the giver, they are not given.
            if (word.End + 1 < text.Length && text[word.End + 1] == '”' && NicknameEnd.TryMatchAt(text, word.End, out _)) continue;
            // 中药汤剂 / 酒精抑菌液: item words written together name one item, of the last word's kind.
            if (found.Count > 0 && found[^1].End == word.Start)
            {
                var joined = found[^1];
                var count = joined.Item.Quantity is null ? QuantityAfter(text, word.End, quantities) : null;
                if (count is not null) (used ??= []).Add(count);
                found[^1] = joined with
                {
                    Item = joined.Item with
                    {
                        Category = word.Value.Category,
                        Name = text[joined.Start..word.End],
                        Quantity = joined.Item.Quantity ?? count?.Figure,
                        Unit = joined.Item.Unit ?? count?.Unit,
                    },
                    End = word.End,
                    Generic = word.Value.Generic,
                };
                continue;
            }
            var nameStart = NameStart(text, word.Start, start, quantities, found);
            var name = text[nameStart..word.End];
            var before = QuantityBefore(text, nameStart, quantities);
            // A single character (水) names goods only right after a quantity: 100箱水.
            if (word.Word.Length == 1 && (before is null || before.End != nameStart)) continue;
            var after = QuantityAfter(text, word.End, quantities);
            var quantity = before is not null && used?.Contains(before) != true ? before : after;
            if (quantity is not null && after is not null && quantity == after)
            {
                // 84消毒液10箱40桶: two units for one item, the second is the finer count.
                var second = QuantityAfter(text, after.End, quantities);
                if (second is not null)
                {
                    (used ??= []).Add(after);
                    quantity = second;
                }
            }
            if (quantity is not null && used?.Contains(quantity) == true) quantity = null;
            if (quantity is not null) (used ??= []).Add(quantity);
            var afterEtc = IsAfterEtc(text, nameStart, start);
            var sumsUp = quantity is not null && quantity == before && IsTotalWord(text, quantity.Start);
            found.Add(new FoundItem(
                new DonatedItem(word.Value.Category, name, quantity?.Figure, quantity?.Unit),
                nameStart, word.End, word.Value.Generic, afterEtc, sumsUp));
        }
        return found;
    }

    private static int NameStart(string text, int wordStart, int clauseStart, IReadOnlyList<Amount> quantities, List<FoundItem> found)
    {
        var limit = Math.Max(clauseStart, wordStart - MaxModifierLength);
        foreach (var q in quantities)
            if (q.End <= wordStart && q.End > limit) limit = q.End;
        var quote = text.LastIndexOf('“', Math.Max(0, wordStart - 1), Math.Max(0, wordStart - limit));
        if (quote >= limit && text.IndexOf('”', quote) > wordStart) limit = quote + 1;
        if (found.Count > 0 && found[^1].End <= wordStart && found[^1].End > limit) limit = found[^1].End;
        var i = wordStart;
        while (i > limit)
        {
            var c = text[i - 1];
            if (NameStops.Contains(c) || char.IsWhiteSpace(c)) break;
            if (Words.Triggers.TryMatchAt(text, i - 1, out _) || IsTriggerEnd(text, i) || EndsOrganisation(text, i) || EndsVerb(text, i)) break;
            i--;
        }
        return i;
    }

    // 某某商贸公司口罩2000只: goods are never named after a company, so a company's name ends it.
    private static readonly string[] OrganisationEnds = ["公司", "集团", "企业", "医院", "商会", "协会", "政府", "中心", "厂", "店"];

    /// <summary>Whether the goods word ending at <paramref name="goodsEnd"/> belongs to a body's name (口罩厂, 东方食品实业有限公司).</summary>
    internal static bool InBodyName(string text, int goodsEnd) => StartsOrganisationEnd(text, goodsEnd) || InsideBodyName(text, goodsEnd);

    private static bool StartsOrganisationEnd(string text, int index)
    {
        foreach (var end in OrganisationEnds)
            if (index + end.Length <= text.Length && string.CompareOrdinal(text, index, end, 0, end.Length) == 0) return true;
        return index + 2 <= text.Length && (string.CompareOrdinal(text, index, "有限", 0, 2) == 0 || string.CompareOrdinal(text, index, "超市", 0, 2) == 0);
    }

    // The kinds of body whose names may hold a word for goods: 东方食品实业有限公司, 医疗器械行业协会,
    // 食品安全基金会. Places (口罩运往灾区) and groups (物资委员) are no such names.
    private static readonly HashSet<DonorKind> NamedWithGoods = [DonorKind.Company, DonorKind.Association, DonorKind.Charity, DonorKind.Hospital];

    // The most characters of a body's name after its word for goods: 科技发展有限公司, 贸易有限责任公司.
    private const int LongestNameAfterGoods = 10;

    // Characters that never stand inside a body's name after its goods: particles and joints.
    private const string NameBreaks = "的了和及与或等";

    /// <summary>
    /// 东方食品实业有限公司 / 华康医疗器械科技有限公司 / 金龙口罩制造有限公司: goods followed by more of a
    /// name (实业, 科技, 制造…) up to where the words end in a body's ending (kinds.tsv) are part of
    /// that name. The name ends where its predicate starts (捐赠, 向…) or at a mark; words that run on
    /// past the ending (口罩市场销售) or never reach one (食品加工设备, 口罩生产线) are goods.
    /// </summary>
    private static bool InsideBodyName(string text, int goodsEnd)
    {
        var limit = Math.Min(text.Length, goodsEnd + LongestNameAfterGoods + 1);
        var end = goodsEnd;
        while (end < limit)
        {
            var c = text[end];
            // 某医疗器械(中国)有限公司: a place in brackets inside the name.
            if (c is '(' or '（' && text.IndexOfAny([')', '）'], end) is var close and > 0 && close - end <= 6
                && DonorNames.AllHan(text[(end + 1)..close]))
            {
                end = close + 1;
                continue;
            }
            if (c is < '\u4e00' or > '\u9fff' || NameBreaks.Contains(c)) break;
            end++;
        }
        var predicate = SubjectReader.FirstPredicateMarker(text, goodsEnd, end);
        // Words that run on past the longest name without a break or a predicate are no name.
        if (predicate == end && end - goodsEnd > LongestNameAfterGoods) return false;
        var name = DonorNames.RemoveParentheses(text[goodsEnd..predicate]);
        return name.Length > 0 && (EndsLikeBody(name) || EndsLikeBodysMembers(name));
    }

    private static bool EndsLikeBody(ReadOnlySpan<char> name) => name.Length > 0 && NamedWithGoods.Contains(DonorNames.KindBySuffix(name));

    // 向东方食品实业有限公司员工捐赠: the body's name is followed by a word for its people.
    private static bool EndsLikeBodysMembers(string name)
    {
        foreach (var member in Words.KindMembers.Matches(name))
            if (member.End == name.Length && EndsLikeBody(name.AsSpan(0, member.Start))) return true;
        return false;
    }

    private static bool EndsOrganisation(string text, int index)
    {
        foreach (var end in OrganisationEnds)
            if (index >= end.Length && string.CompareOrdinal(text, index - end.Length, end, 0, end.Length) == 0) return true;
        return false;
    }

    private static readonly WordTable<bool> Predicate = Words.Cue("predicate");

    // 用于购买消毒液: a verb before the goods is not part of their name.
    private static bool EndsVerb(string text, int index)
    {
        for (var len = 2; len <= 3 && index - len >= 0; len++)
            if (Predicate.TryMatchAt(text, index - len, out var m) && m.End == index) return true;
        return false;
    }

    // 捐赠护目镜: stop the name where a trigger word ends.
    private static bool IsTriggerEnd(string text, int index)
    {
        for (var len = 2; len <= 4 && index - len >= 0; len++)
            if (Words.Triggers.TryMatchAt(text, index - len, out var m) && m.End == index) return true;
        return false;
    }

    // 300个口罩 / 1560袋价值近3万元的“预防病毒肺炎感染”中药汤剂: the count may be followed by the
    // goods' value and a quoted description before the goods' name.
    private static Amount? QuantityBefore(string text, int nameStart, IReadOnlyList<Amount> quantities)
    {
        var i = nameStart;
        while (i > 0 && text[i - 1] is '“' or '"' or ' ') i--;
        if (i > 0 && text[i - 1] == '”')
        {
            var open = text.LastIndexOf('“', i - 1);
            if (open >= 0 && i - open <= 16) i = open;
        }
        if (i > 0 && text[i - 1] == '的') i--;
        var direct = EndingAt(quantities, i);
        if (direct is not null) return direct;
        // …袋价值近3万元的: skip a value phrase back to the count before it.
        var valueAt = text.LastIndexOf("价值", Math.Max(0, i - 1), Math.Min(i, 14), StringComparison.Ordinal);
        return valueAt > 0 ? EndingAt(quantities, valueAt) : null;
    }

    // 口罩5500个 / 防护服 370 套 / “抗病毒口服液”6400盒
    private static Amount? QuantityAfter(string text, int index, IReadOnlyList<Amount> quantities)
    {
        while (index < text.Length && text[index] is ' ' or '”' or '"' or '’') index++;
        for (var q = 0; q < quantities.Count; q++)
            if (quantities[q].Start == index) return quantities[q];
        return null;
    }

    // The first count that ends at the position.
    private static Amount? EndingAt(IReadOnlyList<Amount> quantities, int end)
    {
        for (var q = 0; q < quantities.Count; q++)
            if (quantities[q].End == end) return quantities[q];
        return null;
    }

    // 共1.8吨医疗物资 / 合计8000盒
    private static bool IsTotalWord(string text, int quantityStart)
    {
        var from = Math.Max(0, quantityStart - 2);
        var before = text[from..quantityStart];
        return before.Contains('共') || before.Contains('计');
    }

    // 口罩、消毒酒精等防疫急需物资: the noun after 等 sums up the list before it.
    private static bool IsAfterEtc(string text, int nameStart, int clauseStart)
    {
        var i = nameStart - 1;
        var window = 0;
        while (i >= clauseStart && window < 6)
        {
            if (text[i] == '等') return true;
            if (text[i] is '、' or ',' or '和' or '及') return false;
            i--;
            window++;
        }
        return false;
    }
}
