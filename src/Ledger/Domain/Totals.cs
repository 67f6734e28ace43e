namespace Ledger.Domain;

/// <summary>A sum of figures and how exact it is: a sum that includes a bound is a bound.</summary>
public sealed record Sum(decimal Yuan, Qualifier Qualifier);

/// <summary>Goods of one category in one unit.</summary>
public sealed record ItemTotal(string Category, string Unit, decimal Quantity, Qualifier Qualifier, int Donations);

/// <summary>One of the receivers, categories or documents a shared group stands for.</summary>
public sealed record GroupMember(string Key, string Name);

/// <summary>
/// One group's totals. Itemised gifts and reported totals (累计, 共, 合计…) are kept apart and never
/// added together; cash, goods value and combined figures are kept apart too. What each figure
/// means is written once, in README.md ("What the figures mean").
/// </summary>
/// <param name="SharedAmong">
/// Set on a shared group: the gifts the reports state for several receivers (categories, documents)
/// at once, with no split, counted once for all of them together and never in each member's own row.
/// </param>
public sealed record TotalsRow(
    string Key,
    string Name,
    Sum? Cash,
    Sum? GoodsValue,
    Sum? Combined,
    Sum? ReportedCash,
    Sum? ReportedGoodsValue,
    Sum? ReportedCombined,
    int Donations,
    int ReportedTotals,
    int Sources,
    IReadOnlyList<ItemTotal> Items,
    IReadOnlyList<GroupMember>? SharedAmong = null);

/// <summary>A gift as it counts in its giver's totals: its figures in fen, and its goods with their quantities.</summary>
public sealed record CountedGift(bool Aggregate, long? CashFen, Qualifier CashQualifier, long? GoodsFen, Qualifier GoodsQualifier,
    long? CombinedFen, Qualifier CombinedQualifier, IReadOnlyList<(string Category, string Unit, decimal? Quantity, Qualifier Qualifier)> Items)
{
    /// <summary>The gift a record states, as it counts once it is a donation.</summary>
    public static CountedGift Of(DonationRecord record) =>
        new(record.Aggregate, Figure.Fen(record.Cash), QualifierOf(record.Cash), Figure.Fen(record.GoodsValue), QualifierOf(record.GoodsValue),
            Figure.Fen(record.Combined), QualifierOf(record.Combined),
            record.Items.Select(i => (Vocabulary.Snake(i.Category), i.Unit ?? "", i.Quantity?.Value, QualifierOf(i.Quantity))).ToList());

    // No figure counts as exact: it adds nothing.
    private static Qualifier QualifierOf(Figure? figure) => figure?.Qualifier ?? Qualifier.Exact;
}

/// <summary>How figures add up: the one rule of every total, whether summed afresh or kept up to date gift by gift.</summary>
public static class Sums
{
    /// <summary>
    /// The qualifier of a sum: exact when every part is; at least when parts are exact or lower
    /// bounds; at most likewise; about as soon as the parts pull different ways.
    /// </summary>
    /// <example>余100万 + 50万 is at least 150万; 余100万 + 近50万 is about 150万.</example>
    public static Qualifier Combine(IEnumerable<Qualifier> qualifiers)
    {
        var kinds = qualifiers.Where(q => q != Qualifier.Exact).Distinct().ToList();
        return kinds.Count switch
        {
            0 => Qualifier.Exact,
            1 => kinds[0],
            _ => Qualifier.About,
        };
    }

    /// <summary>A sum with one more figure; no figure leaves it as it is, a first figure starts it.</summary>
    public static Sum? Plus(Sum? sum, long? fen, Qualifier qualifier) => fen is not { } f ? sum
        : sum is null ? new Sum(f / 100m, qualifier)
        : new Sum(sum.Yuan + f / 100m, Combine([sum.Qualifier, qualifier]));

    /// <summary>
    /// A giver's totals with one more counted gift: an itemised gift adds to what was given and its
    /// goods, a reported total (累计, 共…) to what was reported, never to the other.
    /// </summary>
    /// <example>A row of 50万 given, plus a gift of 3.5万只口罩 worth 10万: 60万 given, 35,000 masks in one more donation.</example>
    public static TotalsRow Plus(TotalsRow row, CountedGift gift) => Plus(row, [gift]);

    /// <summary>A giver's totals with more gifts, and more reports (a null gift) of gifts already counted: one more source each, nothing more given.</summary>
    public static TotalsRow Plus(TotalsRow row, IEnumerable<CountedGift?> gifts)
    {
        Dictionary<(string Category, string Unit), ItemTotal>? items = null;
        var newKinds = false;
        foreach (var gift in gifts)
        {
            row = row with { Sources = row.Sources + 1 };
            if (gift is null) continue;
            if (gift.Aggregate)
            {
                row = row with
                {
                    ReportedCash = Plus(row.ReportedCash, gift.CashFen, gift.CashQualifier),
                    ReportedGoodsValue = Plus(row.ReportedGoodsValue, gift.GoodsFen, gift.GoodsQualifier),
                    ReportedCombined = Plus(row.ReportedCombined, gift.CombinedFen, gift.CombinedQualifier),
                    ReportedTotals = row.ReportedTotals + 1,
                };
                continue;
            }
            row = row with
            {
                Cash = Plus(row.Cash, gift.CashFen, gift.CashQualifier),
                GoodsValue = Plus(row.GoodsValue, gift.GoodsFen, gift.GoodsQualifier),
                Combined = Plus(row.Combined, gift.CombinedFen, gift.CombinedQualifier),
                Donations = row.Donations + 1,
            };
            if (!gift.Items.Any(i => i.Quantity is not null)) continue;
            items ??= row.Items.ToDictionary(i => (i.Category, i.Unit));
            // Quantities of one kind add up; the gift counts once a kind, however many lines name it.
            foreach (var kind in gift.Items.Where(i => i.Quantity is not null).GroupBy(i => (i.Category, i.Unit)))
            {
                var quantity = kind.Sum(i => i.Quantity!.Value);
                var qualifier = Combine(kind.Select(i => i.Qualifier));
                if (items.TryGetValue(kind.Key, out var held))
                    items[kind.Key] = held with { Quantity = held.Quantity + quantity, Qualifier = Combine([held.Qualifier, qualifier]), Donations = held.Donations + 1 };
                else
                {
                    items[kind.Key] = new ItemTotal(kind.Key.Category, kind.Key.Unit, quantity, qualifier, 1);
                    newKinds = true;
                }
            }
        }
        if (items is null) return row;
        // Kinds in order of category, then unit; sorted again only when the gifts brought a new one.
        return row with
        {
            Items = newKinds
                ? items.Values.OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Unit, StringComparer.Ordinal).ToList()
                : row.Items.Select(i => items[(i.Category, i.Unit)]).ToList(),
        };
    }

    /// <summary>The totals of a giver with no counted gift yet.</summary>
    public static TotalsRow Empty(string key, string name) => new(key, name, null, null, null, null, null, null, 0, 0, 0, []);
}
