using System.Globalization;
using System.Numerics;
using System.Text;

namespace Ledger.Extraction.Scoring;

/// <summary>
/// Precision, recall and field accuracies of predicted records against gold records, computed
/// exactly as the reference scorer of the extraction spec (tools/score.py) computes them.
/// </summary>
public sealed record ExtractionScore(
    int GoldScored,
    int GoldOptional,
    int Predicted,
    int Matched,
    double Precision,
    double Recall,
    double F1,
    IReadOnlyList<(string Field, double Accuracy)> FieldAccuracy,
    IReadOnlyList<ExchangeRecord> Missed,
    IReadOnlyList<ExchangeRecord> Spurious)
{
    private const int LineWindow = 3;

    public static readonly string[] Fields =
        ["donor", "recipients", "cash_cny", "goods_value_cny", "combined_cny", "qualifiers", "items", "item_categories", "date", "aggregate", "exact_record"];

    public double Accuracy(string field) => FieldAccuracy.First(f => f.Field == field).Accuracy;

    /// <param name="golds">The gold records.</param>
    /// <param name="predictions">The predicted records.</param>
    /// <param name="docs">Documents in the evaluated set besides those the gold names: predictions on them count.</param>
    public static ExtractionScore Compute(IReadOnlyList<ExchangeRecord> golds, IReadOnlyList<ExchangeRecord> predictions, IEnumerable<string>? docs = null)
    {
        var docSet = golds.Select(g => g.Doc).ToHashSet();
        foreach (var d in docs ?? []) docSet.Add(d);
        var preds = predictions.Where(p => docSet.Contains(p.Doc)).ToList();
        var pairs = PairUp(preds, golds);
        var matchedP = pairs.Select(p => p.P).ToHashSet();
        var matchedG = pairs.Select(p => p.G).ToHashSet();
        var scoredGold = Enumerable.Range(0, golds.Count).Where(j => !golds[j].Optional).ToList();
        var tp = pairs.Count(p => !golds[p.G].Optional);
        var counted = preds.Count - pairs.Count(p => golds[p.G].Optional);
        var precision = counted > 0 ? (double)tp / counted : 0.0;
        var recall = scoredGold.Count > 0 ? (double)tp / scoredGold.Count : 0.0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;

        var fields = Fields.ToDictionary(f => f, _ => new List<double>());
        foreach (var (i, j) in pairs)
        {
            var p = preds[i];
            var g = golds[j];
            if (g.Optional) continue;
            var ok = new Dictionary<string, bool>
            {
                ["donor"] = DonorMatch(p, g),
                ["recipients"] = RecipientsOk(p, g),
                ["cash_cny"] = SameFigure(p.CashCny, g.CashCny),
                ["goods_value_cny"] = SameFigure(p.GoodsValueCny, g.GoodsValueCny),
                ["combined_cny"] = SameFigure(p.CombinedCny, g.CombinedCny),
                ["qualifiers"] = Blank(p.CashQualifier) == Blank(g.CashQualifier) && Blank(p.GoodsValueQualifier) == Blank(g.GoodsValueQualifier)
                                 && Blank(p.CombinedQualifier) == Blank(g.CombinedQualifier),
                ["date"] = Blank(p.Date) == Blank(g.Date),
                ["aggregate"] = p.Aggregate == g.Aggregate,
            };
            var items = ItemsF1(p, g, withQuantity: true);
            fields["items"].Add(items);
            fields["item_categories"].Add(ItemsF1(p, g, withQuantity: false));
            foreach (var (k, v) in ok) fields[k].Add(v ? 1.0 : 0.0);
            fields["exact_record"].Add(ok.Values.All(v => v) && items == 1.0 ? 1.0 : 0.0);
        }
        var accuracy = Fields.Select(f => (f, Round4(fields[f].Count > 0 ? fields[f].Sum() / fields[f].Count : 0.0))).ToList();
        return new ExtractionScore(scoredGold.Count, golds.Count - scoredGold.Count, preds.Count, tp,
            Round4(precision), Round4(recall), Round4(f1), accuracy,
            scoredGold.Where(j => !matchedG.Contains(j)).Select(j => golds[j]).ToList(),
            Enumerable.Range(0, preds.Count).Where(i => !matchedP.Contains(i)).Select(i => preds[i]).ToList());
    }

    /// <summary>The reference scorer's text report; <paramref name="show"/> lists that many missed and spurious records.</summary>
    public string Report(int show)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"gold records: {GoldScored} scored, {GoldOptional} optional\n");
        sb.Append(CultureInfo.InvariantCulture, $"predicted: {Predicted}, matched: {Matched}\n");
        sb.Append(CultureInfo.InvariantCulture, $"precision {F3(Precision)}  recall {F3(Recall)}  F1 {F3(F1)}\n");
        sb.Append("field accuracy over matched records:\n");
        foreach (var (field, value) in FieldAccuracy) sb.Append(CultureInfo.InvariantCulture, $"  {field,-16} {F3(value)}\n");
        if (show > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nmissed gold records (first {show}):\n");
            foreach (var g in Missed.Take(show)) sb.Append(CultureInfo.InvariantCulture, $"  {g.Doc}:{g.Line} {g.Donor ?? "None"} | {Head(g.Evidence)}\n");
            sb.Append(CultureInfo.InvariantCulture, $"\nunmatched predictions (first {show}):\n");
            foreach (var p in Spurious.Take(show)) sb.Append(CultureInfo.InvariantCulture, $"  {p.Doc}:{p.Line} {p.Donor ?? "None"} | {Head(p.Evidence)}\n");
        }
        return sb.ToString();
    }

    // evidence[:60] counts code points.
    private static string Head(string? evidence) =>
        string.Concat((evidence ?? "").EnumerateRunes().Take(60).Select(r => r.ToString()));

    // Python's round() and its "%.3f" both round the double's exact binary value, half to even.
    private static double Round4(double x) => double.Parse(RoundExact(x, 4), CultureInfo.InvariantCulture);

    private static string F3(double x) => RoundExact(x, 3);

    /// <summary>The exact decimal value of a finite double, rounded half to even to <paramref name="digits"/> places.</summary>
    internal static string RoundExact(double x, int digits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x.ToString(CultureInfo.InvariantCulture);
        var bits = BitConverter.DoubleToInt64Bits(x);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075;
        // x = mantissa × 2^exponent; scaled = x × 10^digits as an exact fraction numerator / denominator.
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        var denominator = BigInteger.One;
        if (exponent > 0) numerator <<= exponent; else denominator <<= -exponent;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || twice == denominator && !quotient.IsEven) quotient += 1;
        var text = quotient.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var result = digits > 0 ? text[..^digits] + "." + text[^digits..] : text;
        return negative && quotient != 0 ? "-" + result : result;
    }

    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;

    // score.py's [\s\u3000,，、。·•()（）"“”'‘’《》]: Python's \s also takes \x1c-\x1f, which .NET's IsWhiteSpace does not.
    private static readonly HashSet<char> Ignored = [.. " \t\n\r\f\v\x1c\x1d\x1e\x1f\u3000,，、。·•()（）\"“”'‘’《》"];

    internal static string Norm(string? name)
    {
        if (name is null) return "";
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (!Ignored.Contains(c) && !char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    internal static bool DonorMatch(ExchangeRecord pred, ExchangeRecord gold)
    {
        var p = Norm(pred.Donor);
        if (p.Length < 2) return false;
        foreach (var name in gold.DonorAlt.Prepend(gold.Donor))
        {
            var g = Norm(name);
            if (g.Length >= 2 && (g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    internal static bool SameFigure(double? a, double? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a == b) return true;
        return Math.Abs(a.Value - b.Value) <= 0.005 * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value));
    }

    private static IEnumerable<double> Figures(ExchangeRecord r) =>
        new[] { r.CashCny, r.GoodsValueCny, r.CombinedCny }.Where(v => v is not null).Select(v => v!.Value);

    private static IEnumerable<double> Quantities(ExchangeRecord r) =>
        r.Items.Where(i => i.Quantity is not null).Select(i => i.Quantity!.Value);

    private static int? Agreement(ExchangeRecord p, ExchangeRecord g)
    {
        var donor = DonorMatch(p, g);
        var fig = Figures(p).Count(a => Figures(g).Any(b => SameFigure(a, b)));
        var qty = Quantities(p).Count(a => Quantities(g).Any(b => SameFigure(a, b)));
        if (!donor && fig == 0 && qty == 0) return null;
        return 2 * (donor ? 1 : 0) + 2 * fig + qty;
    }

    internal static double ItemsF1(ExchangeRecord p, ExchangeRecord g, bool withQuantity)
    {
        List<(string? Category, double? Quantity)> Keys(ExchangeRecord r) =>
            r.Items.Select(i => (i.Category, withQuantity ? i.Quantity : null)).ToList();
        var pk = Keys(p);
        var gk = Keys(g);
        if (pk.Count == 0 && gk.Count == 0) return 1.0;
        var left = new List<(string? Category, double? Quantity)>(gk);
        var hit = 0;
        foreach (var k in pk)
        {
            for (var j = 0; j < left.Count; j++)
            {
                var other = left[j];
                if (k.Category == other.Category && (k.Quantity is null && other.Quantity is null
                        || k.Quantity is not null && other.Quantity is not null && SameFigure(k.Quantity, other.Quantity)))
                {
                    hit++;
                    left.RemoveAt(j);
                    break;
                }
            }
        }
        if (hit == 0) return 0.0;
        double precision = (double)hit / pk.Count, recall = (double)hit / gk.Count;
        return 2 * precision * recall / (precision + recall);
    }

    internal static bool RecipientsOk(ExchangeRecord p, ExchangeRecord g)
    {
        var pr = p.Recipients.Select(Norm).Where(x => x.Length > 0).ToList();
        var gr = g.Recipients.Select(Norm).Where(x => x.Length > 0).ToList();
        if (pr.Count == 0 && gr.Count == 0) return true;
        return pr.Any(a => gr.Any(b => a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)));
    }

    /// <summary>Greedy pairing by agreement, then line distance, then input order (score.py's tuple sort).</summary>
    private static List<(int P, int G)> PairUp(List<ExchangeRecord> preds, IReadOnlyList<ExchangeRecord> golds)
    {
        var candidates = new List<(int NegScore, int Distance, int P, int G)>();
        for (var i = 0; i < preds.Count; i++)
        {
            for (var j = 0; j < golds.Count; j++)
            {
                var p = preds[i];
                var g = golds[j];
                if (p.Doc != g.Doc || p.Line is null || g.Line is null) continue;
                var distance = Math.Abs(p.Line.Value - g.Line.Value);
                if (distance > LineWindow) continue;
                if (Agreement(p, g) is { } score) candidates.Add((-score, distance, i, j));
            }
        }
        candidates.Sort();
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        var pairs = new List<(int, int)>();
        foreach (var (_, _, i, j) in candidates)
        {
            if (usedP.Contains(i) || usedG.Contains(j)) continue;
            usedP.Add(i);
            usedG.Add(j);
            pairs.Add((i, j));
        }
        return pairs;
    }
}
