using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>
/// Reads the rows of a published list of givers, which state gifts without a verb:
/// after a heading such as 捐赠名单 / 接受捐赠情况公示 / 捐款如下, a row
/// "1. 哈尔滨某某有限公司 10万元" or "张某:口罩500只" is a gift by the name it starts with.
/// </summary>
internal static class DonorListReader
{
    private static readonly Lexicon Words = Lexicon.Instance;
    private static readonly WordTable<bool> ListWords = Words.Cue("list_heading");

    /// <summary>Whether a paragraph announces a list of givers.</summary>
    public static bool OpensList(string paragraph) =>
        paragraph.Length <= 80 && Words.Triggers.ContainsAny(paragraph) && ListWords.ContainsAny(paragraph);

    /// <summary>Whether a paragraph of a list names several givers, each with a figure (张三 500元 李四 300元).</summary>
    public static bool HoldsSeveralGifts(string row) =>
        row.Length <= 400 && AmountRecognizer.FindAll(row).Count(a => a.Kind == AmountKind.Money) > 1;

    private static readonly WordTable<bool> InYuan = Words.Cue("column_in_yuan");
    private static readonly WordTable<bool> InWan = Words.Cue("column_in_wan");

    /// <summary>
    /// The yuan one bare figure of the list's rows counts, when its heading or header row says the
    /// unit once for all (捐赠金额(元) → 1, 单位:万元 → 10000); else null.
    /// </summary>
    public static decimal? ColumnUnit(string paragraph)
    {
        if (paragraph.Length > 80) return null;
        if (InWan.ContainsAny(paragraph)) return 10000m;
        return InYuan.ContainsAny(paragraph) ? 1m : null;
    }

    /// <summary>The gift a list row states, or null when the paragraph is no row.</summary>
    /// <param name="columnUnit">What a bare figure counts in yuan when the header gave the unit (1 某县建设银行 50000).</param>
    /// <param name="localCurrency">What a bare 元 counts in this report (see <see cref="LocalCurrency"/>), null for yuan.</param>
    public static GiftFrame? ReadRow(string row, decimal? columnUnit = null, string? localCurrency = null)
    {
        if (row.Length > 60 || HoldsSeveralGifts(row)) return null;
        var s = SkipEnumerator(row);
        var amounts = AmountRecognizer.FindAll(row);
        var first = amounts.FirstOrDefault(a => a.Start > s);
        if (first is null && columnUnit is { } unit && BareFigureAtEnd(row, s, unit) is { } bare) amounts = [first = bare];
        if (first is null) return null;
        var items = ItemReader.Read(row, s, row.Length, amounts.Where(a => a.Kind == AmountKind.Quantity).ToList());
        var nameEnd = Math.Min(first.Start, items.Count > 0 ? items[0].Start : first.Start);
        var name = DonorNames.Trim(row[s..nameEnd]).TrimEnd('捐', '赠', '款', '物', '：', ':');
        if (!SubjectReader.IsPlausibleName(name) || Words.Triggers.ContainsAny(row, s, nameEnd)) return null;
        var frame = new GiftFrame { Start = s, End = row.Length, Donor = DonorNames.CoreName(name) ?? name, DonorStated = true, Role = TriggerRole.Give };
        frame.Items.AddRange(items);
        var money = amounts.Where(a => a.Kind == AmountKind.Money).ToList();
        if (money.Count > 0)
        {
            var currency = money[0].Currency == "CNY" && localCurrency is not null && !LocalCurrency.SaysYuan(row, money[0]) ? localCurrency : money[0].Currency;
            if (currency == "CNY") frame.Cash = money[0].Figure;
            else frame.CashOther = new Money(money[0].Figure, currency);
        }
        return frame.HasFigures ? frame : null;
    }

    // 1 某县建设银行 50000 / 2 张三丰 1,000.00: the row's last word is a figure in the header's unit.
    private static Amount? BareFigureAtEnd(string row, int from, decimal unit)
    {
        var end = row.Length;
        while (end > from && row[end - 1] is ' ' or '\t') end--;
        var numbers = ChineseNumber.FindAll(row[..end]);
        if (numbers.Count == 0) return null;
        var last = numbers[^1];
        if (last.End != end || last.Start <= from || !char.IsAsciiDigit(row[last.Start]) || char.IsAsciiDigit(row[last.Start - 1])) return null;
        var figure = last.Value with { Value = last.Value.Value * unit, Low = last.Value.Low * unit, High = last.Value.High * unit };
        return new Amount(AmountKind.Money, last.Start, last.Length, figure, null, "CNY");
    }

    // "1. " "(2)" "三、" "④" at the start of a row
    private static int SkipEnumerator(string row)
    {
        var i = 0;
        while (i < row.Length && (char.IsAsciiDigit(row[i]) || row[i] is '(' or ')' or '（' or '）' or '.' or '、' or ' ' or '．'
                                  || row[i] is >= '①' and <= '⑳' || "一二三四五六七八九十".Contains(row[i]) && i + 1 < row.Length && row[i + 1] is '、' or '.'))
            i++;
        return i;
    }
}
