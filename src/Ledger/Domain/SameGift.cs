namespace Ledger.Domain;

/// <summary>A gift as the ledger holds it, for a new report of the same giver to be compared with.</summary>
public class HeldGift
{
    /// <summary>Figures in fen (0.01 yuan), as stored.</summary>
    public long? CashFen { get; init; }

    public long? GoodsFen { get; init; }
    public long? CombinedFen { get; init; }

    /// <summary>yyyy-MM-dd, when a report dated it.</summary>
    public string? GiftDate { get; set; }

    /// <summary>Goods by category (snake_case) and quantity.</summary>
    public List<(string Category, decimal? Quantity)> Items { get; } = [];

    /// <summary>The receivers' organization ids.</summary>
    public HashSet<long> Recipients { get; } = [];
}

/// <summary>
/// When a report of a giver states a gift the ledger already holds of that giver, so that one gift
/// in two reports counts once. The rule asks for agreement and refuses on any contradiction; the
/// reason it gives is kept with the report (the audit shows it).
/// </summary>
public static class SameGift
{
    /// <summary>
    /// Why a report of the same giver (its figures in fen, its date, goods and receivers) states
    /// <paramref name="held"/> again; null when it is another gift.
    /// </summary>
    // 哈尔滨银行捐款200万元 (2月3日) and 哈尔滨银行向市慈善总会捐款200万元: cash agrees, no contradiction → the same gift.
    // 200万元 and 100万元; 2月3日 and 2月5日; 口罩1000只 and 口罩2000只; to 哈医大一院 and to 市红十字会 alone → another gift.
    public static string? Why(HeldGift held, long? cash, long? goods, long? combined, string? date, IReadOnlyList<DonatedItem> items, IReadOnlyList<long> recipients)
    {
        if (DatesDiffer(held, date) || NoReceiverShared(held, recipients)) return null;
        var reasons = new List<string>();
        foreach (var (name, reported, kept) in new[] { ("cash", cash, held.CashFen), ("goods value", goods, held.GoodsFen), ("combined", combined, held.CombinedFen) })
        {
            if (reported is null || kept is null) continue;
            if (!Close(reported.Value, kept.Value)) return null;
            reasons.Add($"{name} {reported.Value / 100m} yuan agrees");
        }
        if (reasons.Count == 0)
        {
            // Neither states a figure of the same kind: only goods, the same kind in the same quantity, make them one gift.
            if (cash is not null || goods is not null || combined is not null) return null;
            var shared = items.Where(i => i.Quantity is not null
                && held.Items.Any(k => k.Category == Vocabulary.Snake(i.Category) && k.Quantity == i.Quantity.Value.Value)).ToList();
            if (shared.Count == 0) return null;
            reasons.Add($"{string.Join("、", shared.Select(i => $"{i.Name} {i.Quantity!.Value.Value}{i.Unit}"))} agree");
        }
        return "same giver, " + string.Join(", ", reasons) + (date is not null && held.GiftDate == date ? $", same date {date}" : "");
    }

    // Two dates, and not the same day.
    private static bool DatesDiffer(HeldGift held, string? date) => date is not null && held.GiftDate is not null && date != held.GiftDate;

    // Both name receivers, and none is in both.
    private static bool NoReceiverShared(HeldGift held, IReadOnlyList<long> recipients) =>
        recipients.Count > 0 && held.Recipients.Count > 0 && !recipients.Any(held.Recipients.Contains);

    /// <summary>Figures agree within 0.5%, as the extraction spec's scorer counts them equal (25.55万 and 25.6万).</summary>
    public static bool Close(long a, long b) => a == b || Math.Abs(a - b) * 200 <= Math.Max(Math.Abs(a), Math.Abs(b));
}
