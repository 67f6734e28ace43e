using System.Text.RegularExpressions;
using Ledger.Domain;

namespace Ledger.Extraction;

public enum AmountKind { Money, Quantity }

public sealed record Amount(AmountKind Kind, int Start, int Length, Figure Figure, string? Unit, string Currency)
{
    public int End => Start + Length;
}

// Provisional stand-in while the real recognizer is written.
public static partial class AmountRecognizer
{
    [GeneratedRegex(@"(近|约|超过|逾)?(\d+(?:\.\d+)?)(余|多)?(万|亿)?(余|多)?(元|只|个|套|副|件\(套\)|件|双|箱|桶|瓶|盒|袋|吨|斤|台|片|顶|包|支|份|毫升)(以上|左右)?", RegexOptions.None, 1000)]
    private static partial Regex Pattern();

    public static IReadOnlyList<Amount> FindAll(string sentence)
    {
        var list = new List<Amount>();
        foreach (Match m in Pattern().Matches(sentence))
        {
            var v = decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (m.Groups[4].Value == "万") v *= 10000;
            if (m.Groups[4].Value == "亿") v *= 100000000;
            var q = m.Groups[1].Value switch { "近" => Qualifier.AtMost, "约" => Qualifier.About, "超过" or "逾" => Qualifier.AtLeast, _ => Qualifier.Exact };
            if (m.Groups[3].Success || m.Groups[5].Success || m.Groups[7].Value == "以上") q = Qualifier.AtLeast;
            if (m.Groups[7].Value == "左右") q = Qualifier.About;
            var unit = m.Groups[6].Value;
            var money = unit == "元";
            list.Add(new Amount(money ? AmountKind.Money : AmountKind.Quantity, m.Index, m.Length, new Figure(v, q, v, v), money ? null : unit, "CNY"));
        }
        return list;
    }
}
