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

    /// <summary>
    /// A giver's totals with one more counted gift: an itemised gift adds to what was given and its
    /// goods, a reported total (累计, 共…) to what was reported, never to the other.
    /// </summary>
    /// <example>A row of 50万 given, plus a gift of 3.5万只口罩 worth 10万: 60万 given, 35,000 masks in one more donation.</example>
    public static TotalsRow Plus(TotalsRow row, CountedGift gift) => Plus(row, [gift]);

    /// <summary>
    /// Totals with more gifts, and more reports (a null gift) of gifts already counted: one more source
    /// each, nothing more given. A group's totals are its gifts added to <see cref="Empty"/>, whether
    /// summed afresh or kept up to date gift by gift.
    /// </summary>
    public static TotalsRow Plus(TotalsRow row, IEnumerable<CountedGift?> gifts)
    {
        Running cash = new(row.Cash), goods = new(row.GoodsValue), combined = new(row.Combined);
        Running reportedCash = new(row.ReportedCash), reportedGoods = new(row.ReportedGoodsValue), reportedCombined = new(row.ReportedCombined);
        int donations = row.Donations, reportedTotals = row.ReportedTotals, sources = row.Sources;
        Dictionary<(string Category, string Unit), ItemTotal>? items = null;
        var newKinds = false;
        foreach (var gift in gifts)
        {
            sources++;
            if (gift is null) continue;
            if (gift.Aggregate)
            {
                reportedCash.Add(gift.CashFen, gift.CashQualifier);
                reportedGoods.Add(gift.GoodsFen, gift.GoodsQualifier);
                reportedCombined.Add(gift.CombinedFen, gift.CombinedQualifier);
                reportedTotals++;
                continue;
            }
            cash.Add(gift.CashFen, gift.CashQualifier);
            goods.Add(gift.GoodsFen, gift.GoodsQualifier);
            combined.Add(gift.CombinedFen, gift.CombinedQualifier);
            donations++;
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
        return row with
        {
            Cash = cash.Sum, GoodsValue = goods.Sum, Combined = combined.Sum,
            ReportedCash = reportedCash.Sum, ReportedGoodsValue = reportedGoods.Sum, ReportedCombined = reportedCombined.Sum,
            Donations = donations, ReportedTotals = reportedTotals, Sources = sources,
            // Kinds in order of category, then unit; sorted again only when the gifts brought a new one.
            Items = items is null ? row.Items
                : newKinds ? items.Values.OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Unit, StringComparer.Ordinal).ToList()
                : row.Items.Select(i => items[(i.Category, i.Unit)]).ToList(),
        };
    }

    // A sum being added up: in fen, as decimal (no number of gifts can overflow it), made a Sum once at the end.
    private struct Running(Sum? start)
    {
        private decimal _fen = (start?.Yuan ?? 0) * 100m;
        private bool _any = start is not null;
        private Qualifier _qualifier = start?.Qualifier ?? Qualifier.Exact;

        public void Add(long? fen, Qualifier qualifier)
        {
            if (fen is not { } f) return;
            _qualifier = _any ? Combine([_qualifier, qualifier]) : qualifier;
            _fen += f;
            _any = true;
        }

        public readonly Sum? Sum => _any ? new Sum(_fen / 100m, _qualifier) : null;
    }

    /// <summary>Yuan given (cash, goods value and combined figures together) and yuan reported, by which totals are ranked.</summary>
    public static (decimal Given, decimal Reported) Ranking(TotalsRow row) =>
        ((row.Cash?.Yuan ?? 0) + (row.GoodsValue?.Yuan ?? 0) + (row.Combined?.Yuan ?? 0),
         (row.ReportedCash?.Yuan ?? 0) + (row.ReportedGoodsValue?.Yuan ?? 0) + (row.ReportedCombined?.Yuan ?? 0));

    /// <summary>
    /// The order of every list of totals: most given first, then most reported, then by name (the
    /// kept totals by donor and the rank index of the stores follow it too).
    /// </summary>
    public static int Ranked<T>(T given, T reported, string name, T otherGiven, T otherReported, string otherName) where T : System.Numerics.INumber<T> =>
        given != otherGiven ? otherGiven.CompareTo(given)
        : reported != otherReported ? otherReported.CompareTo(reported)
        : string.CompareOrdinal(name, otherName);

    /// <summary><see cref="Ranked{T}"/> over rows of totals.</summary>
    public static readonly IComparer<TotalsRow> Order = Comparer<TotalsRow>.Create((a, b) =>
    {
        var (ranked, other) = (Ranking(a), Ranking(b));
        return Ranked(ranked.Given, ranked.Reported, a.Name, other.Given, other.Reported, b.Name);
    });

    /// <summary>
    /// A donation as totals count it: once, with a source more for each further report of it; added
    /// up by <see cref="Plus(TotalsRow, IEnumerable{CountedGift})"/> whenever totals are counted afresh.
    /// </summary>
    /// <example>A gift of 50万 in two reports: the gift, then one more source.</example>
    public static IEnumerable<CountedGift?> Reported(CountedGift gift, int reports)
    {
        yield return gift;
        for (var report = 1; report < reports; report++) yield return null;
    }

    /// <summary>The totals of a giver with no counted gift yet.</summary>
    public static TotalsRow Empty(string key, string name) => new(key, name, null, null, null, null, null, null, 0, 0, 0, []);
}
