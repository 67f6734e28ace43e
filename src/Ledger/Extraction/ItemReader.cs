using Ledger.Domain;

namespace Ledger.Extraction;

/// <summary>An item found in a clause, with where it stands.</summary>
internal sealed record FoundItem(DonatedItem Item, int Start, int End, bool Generic, bool AfterEtc);

/// <summary>
/// Reads goods and their quantities from a clause: the quantity may stand before the name
/// (3.5万只医用外科口罩) or after it (口罩5500个, 防护服 370 套); one item may carry two units
/// (84消毒液10箱40桶: the finer one is kept).
/// </summary>
internal static class ItemReader
{
    private static readonly Lexicon Words = Lexicon.Instance;

    // Characters that end an item's name on its left: list marks, particles and quotes.
    private const string NameStops = "、,;:。的了和及与或等“”\"《》()批种类各些给向为在将把从由到至是有共计合";
    private const int MaxModifierLength = 6;

    public static List<FoundItem> Read(string text, int start, int end, IReadOnlyList<Amount> quantities)
    {
        var found = new List<FoundItem>();
        var used = new HashSet<Amount>();
        foreach (var word in Words.Items.FindAll(text, start, end))
        {
            var nameStart = NameStart(text, word.Start, start, quantities, found);
            var name = text[nameStart..word.End];
            // A single character (水, 药) names goods only right after a quantity: 100箱水.
            var before = quantities.FirstOrDefault(q => q.End == nameStart || (q.End == nameStart - 1 && text[q.End] == '的'));
            var after = QuantityAfter(text, word.End, quantities);
            var quantity = before is not null && !used.Contains(before) ? before : after;
            if (quantity is not null && after is not null && quantity == after)
            {
                // 84消毒液10箱40桶: two units for one item, the second is the finer count.
                var second = QuantityAfter(text, after.End, quantities);
                if (second is not null)
                {
                    used.Add(after);
                    quantity = second;
                }
            }
            if (quantity is not null && used.Contains(quantity)) quantity = null;
            if (quantity is not null) used.Add(quantity);
            var afterEtc = IsAfterEtc(text, nameStart, start);
            found.Add(new FoundItem(
                new DonatedItem(word.Value.Category, name, quantity?.Figure, quantity?.Unit),
                nameStart, word.End, word.Value.Generic, afterEtc));
        }
        return found;
    }

    private static int NameStart(string text, int wordStart, int clauseStart, IReadOnlyList<Amount> quantities, List<FoundItem> found)
    {
        var limit = Math.Max(clauseStart, wordStart - MaxModifierLength);
        foreach (var q in quantities)
            if (q.End <= wordStart && q.End > limit) limit = q.End;
        if (found.Count > 0 && found[^1].End <= wordStart && found[^1].End > limit) limit = found[^1].End;
        var i = wordStart;
        while (i > limit)
        {
            var c = text[i - 1];
            if (NameStops.Contains(c) || char.IsWhiteSpace(c)) break;
            if (Words.Triggers.TryMatchAt(text, i - 1, out _) || IsTriggerEnd(text, i)) break;
            i--;
        }
        return i;
    }

    // 捐赠护目镜: stop the name where a trigger word ends.
    private static bool IsTriggerEnd(string text, int index)
    {
        for (var len = 2; len <= 4 && index - len >= 0; len++)
            if (Words.Triggers.TryMatchAt(text, index - len, out var m) && m.End == index) return true;
        return false;
    }

    // 口罩5500个 / 防护服 370 套 / “抗病毒口服液”6400盒
    private static Amount? QuantityAfter(string text, int index, IReadOnlyList<Amount> quantities)
    {
        while (index < text.Length && text[index] is ' ' or '”' or '"' or '’') index++;
        return quantities.FirstOrDefault(q => q.Start == index);
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
