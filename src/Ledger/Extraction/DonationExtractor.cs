using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>Caller-supplied context for one document.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Year for dates that state none, when the document itself does not reveal one.</summary>
    public int? Year { get; init; }

    /// <summary>Also list gifts stated without any figure or quantity (marked optional).</summary>
    public bool IncludeUnquantified { get; init; }
}

/// <summary>
/// A document read: its records, the year its dates were read in, the city it speaks from (for
/// names relative to it: 市红十字会) and the date it says it was published (the month of a gift without
/// a date of its own).
/// </summary>
public sealed class ExtractedDocument(IReadOnlyList<DonationRecord> records, int? year, string text)
{
    // Read when asked: printing records needs neither.
    private readonly Lazy<string?> _city = new(() => ReportCity.Of(text));
    private readonly Lazy<string?> _published = new(() => DateReader.PublicationDate(text));

    public IReadOnlyList<DonationRecord> Records { get; } = records;

    public int? Year { get; } = year;

    public string? City => _city.Value;

    public string? Published => _published.Value;
}

/// <summary>
/// Reads a report and lists every gift of money or supplies in it. Immutable and thread-safe:
/// build once, call from anywhere. Never throws on any input.
/// </summary>
public sealed class DonationExtractor
{
    /// <summary>Bumped whenever the rules change what they produce; stored with every record.</summary>
    public const string Version = "0.3.0";

    public static DonationExtractor Default { get; } = new();

    private readonly bool _strict;
    private readonly int _partLength;

    public DonationExtractor() : this(strict: false) { }

    /// <param name="strict">Let a rule's failure on a sentence surface (for tests) instead of passing over the sentence.</param>
    /// <param name="partLength">How long a part of a long document is (tests read in small parts).</param>
    internal DonationExtractor(bool strict, int partLength = PartLength)
    {
        _strict = strict;
        _partLength = Math.Max(1024, partLength);
    }

    /// <summary>
    /// A document longer than this (in characters) is read a part at a time, each cut between
    /// paragraphs (else after a sentence's end, else after a line), so the memory a reading takes
    /// follows the part, not the document: a 50 MB page of binary debris costs what 2 MB of text does.
    /// </summary>
    internal const int PartLength = 1 << 20;

    public IReadOnlyList<DonationRecord> Extract(string text, string docName, ExtractionOptions? options = null) => ExtractDocument(text, docName, options).Records;

    /// <summary>The records of a document, and the year its dates were read in (its own, else <see cref="ExtractionOptions.Year"/>).</summary>
    public ExtractedDocument ExtractDocument(string text, string docName, ExtractionOptions? options = null)
    {
        text ??= "";
        docName ??= "";
        options ??= new ExtractionOptions();
        if (text.Length <= _partLength)
        {
            var whole = TextNormalizer.Normalize(text);
            var wholeYear = DateReader.DocumentYear(whole.Text) ?? options.Year;
            return new ExtractedDocument(Read(whole, wholeYear, LocalCurrency.Of(text, whole.WasTraditional), docName, options), wholeYear, text);
        }
        // What holds for the whole document (its year, its script) is read from its opening part.
        var records = new List<DonationRecord>();
        int? year = null;
        string? localCurrency = null;
        var line = 0;
        foreach (var (start, length) in Parts(text, _partLength))
        {
            var part = text.Substring(start, length);
            var document = TextNormalizer.Normalize(part);
            if (start == 0)
            {
                year = DateReader.DocumentYear(document.Text) ?? options.Year;
                localCurrency = LocalCurrency.Of(text, document.WasTraditional);
            }
            var offset = line;
            records.AddRange(Read(document, year, localCurrency, docName, options).Select(r => offset == 0 ? r : r with { Line = r.Line + offset }));
            line += LineBreaks(part);
        }
        return new ExtractedDocument(records, year, text);
    }

    /// <summary>
    /// A document whose records were not read from its text (a gift entered by hand, with the statement
    /// it was entered from): what the text says of the document, with those records, the kinds of the
    /// names they give read as the extractor reads them (where the giver's kind was not given).
    /// </summary>
    public static ExtractedDocument Entered(string text, IReadOnlyList<DonationRecord> records, int? year) =>
        new(records.Select(r => r with
            {
                DonorKind = r.DonorKind == DonorKind.Unknown ? KindOf(r.Donor) : r.DonorKind,
                RecipientKinds = KindsOf(r.Recipients),
                ViaKind = KindOf(r.Via),
            }).ToList(),
            DateReader.DocumentYear(TextNormalizer.Normalize(text).Text) ?? year, text);

    // The parts of a long text: about PartLength each, cut after a blank line, else after a line that ends a sentence, else after any line.
    private static IEnumerable<(int Start, int Length)> Parts(string text, int partLength)
    {
        var start = 0;
        while (text.Length - start > partLength)
        {
            var window = text.AsSpan(start + partLength / 2, partLength / 2);
            // A blank line alone is no paragraph's end: some newspaper pages put one after every line.
            var cut = LastLineAfterSentenceEnd(window, blankAfter: true);
            if (cut < 0) cut = LastLineAfterSentenceEnd(window, blankAfter: false);
            if (cut < 0) cut = window.LastIndexOfAny('\n', '\r');
            var end = cut < 0 ? start + partLength : start + partLength / 2 + cut + 1;
            // Never between \r and \n, nor between the halves of a surrogate pair.
            if (end < text.Length && (text[end - 1] == '\r' && text[end] == '\n' || char.IsHighSurrogate(text[end - 1]))) end++;
            yield return (start, end - start);
            start = end;
        }
        yield return (start, text.Length - start);
    }

    // The last line break after a sentence's end (。！？), with a blank line after it when asked; -1 when there is none.
    private static int LastLineAfterSentenceEnd(ReadOnlySpan<char> window, bool blankAfter)
    {
        for (var i = window.Length - 2; i > 0; i--)
        {
            if (window[i] != '\n') continue;
            var last = window[..i].TrimEnd(" \t\r\u3000");
            if (last.Length == 0 || last[^1] is not ('。' or '！' or '？' or '!' or '?' or '；')) continue;
            if (!blankAfter) return i;
            var next = window[(i + 1)..];
            var lineEnd = next.IndexOf('\n');
            if (lineEnd >= 0 && next[..lineEnd].Trim(" \t\r\u3000").IsEmpty) return i + 1 + lineEnd;
        }
        return -1;
    }

    // Line breaks as the normalizer counts lines: \r\n, \n, and a lone \r of an old Mac file.
    private static int LineBreaks(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')) count++;
        }
        return count;
    }

    private List<DonationRecord> Read(NormalizedDocument document, int? year, string? localCurrency, string docName, ExtractionOptions options)
    {
        var records = new List<DonationRecord>();
        var paragraphSubject = (string?)null;
        var lastPerson = (string?)null;
        var lastGoods = (DonatedItem?)null;
        var paragraphDate = (DateOnly?)null;
        var paragraph = -1;
        var inList = false;
        var rowParagraph = -1;
        var listRow = false;
        var columnUnit = (decimal?)null;
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Paragraph == rowParagraph) continue;
            if (sentence.Paragraph != paragraph)
            {
                paragraph = sentence.Paragraph;
                paragraphSubject = null;
                paragraphDate = null;
                var span = document.Paragraphs[paragraph];
                // A paragraph of one sentence is that sentence's text: no copy of it is needed.
                var paragraphText = sentence.Start == span.Start && sentence.Text.Length == span.Length
                    ? sentence.Text : document.Text.Substring(span.Start, span.Length);
                if (inList && DonorListReader.ReadRow(paragraphText, columnUnit, localCurrency) is { } row)
                {
                    rowParagraph = paragraph;
                    if (ToRecord(row, sentence with { Text = paragraphText }, docName, year, null, options) is { } listed) records.Add(listed);
                    continue;
                }
                // 张三 500元 李四 300元: a row of several givers is read as a list by the sentence reader.
                listRow = inList && DonorListReader.HoldsSeveralGifts(paragraphText);
                var opens = DonorListReader.OpensList(paragraphText);
                // 序号 捐赠单位 捐赠金额(元): a header row keeps the list open and gives its figures' unit.
                var unit = opens || inList ? DonorListReader.ColumnUnit(paragraphText) : null;
                var header = unit is not null;
                if (opens || header) columnUnit = unit;
                inList = listRow || opens || header;
                if (!inList) columnUnit = null;
            }
            var recordsBefore = records.Count;
            var reader = new SentenceReader(sentence.Text, paragraphSubject, lastPerson, localCurrency, lastGoods, listRow);
            try
            {
                foreach (var frame in reader.Frames())
                {
                    if (ToRecord(frame, sentence, docName, year, reader, options) is { } record)
                        records.Add(record.Date is null && paragraphDate is not null ? record with { Date = paragraphDate } : record);
                }
            }
            catch (Exception) when (!_strict)
            {
                // A rule that trips over one odd sentence loses that sentence, not the document; the
                // property tests run strict to find such sentences.
            }
            paragraphSubject = reader.LastSubject ?? paragraphSubject;
            // 2010年9月11号,在…捐款活动中,…。此次活动中共有11家中央企业捐款3100万元: a date stated earlier in the
            // paragraph dates the gifts after it that state none.
            // Only a date that dates no gift of its own sentence sets the scene for those after it.
            if (records.Count == recordsBefore && reader.LastDate is { } written && DateReader.ToDate(written, year) is { } stated) paragraphDate = stated;
            lastPerson = reader.LastSubject ?? lastPerson;
            lastGoods = reader.LastGoods;
        }
        return records;
    }

    private static DonationRecord? ToRecord(GiftFrame frame, Sentence sentence, string docName, int? year, SentenceReader? reader, ExtractionOptions options)
    {
        if (frame.Donor is null || !frame.HasTrigger) return null;
        // 捐款92233720368547758元: a figure beyond any one gift is no amount; the gift is kept with it unread, for the audit.
        var (cash, goodsValue, combined) = (Believable(frame.Cash), Believable(frame.GoodsValue), Believable(frame.Combined));
        var unread = Unbelievable(frame.Cash) ?? Unbelievable(frame.GoodsValue) ?? Unbelievable(frame.Combined);
        var items = KeptItems(frame.Items);
        var quantified = cash is not null || goodsValue is not null || combined is not null || frame.CashOther is not null || items.Exists(i => i.Quantity is not null);
        if (!quantified && unread is null && !options.IncludeUnquantified) return null;
        // A list of givers is a group when its parts tell no other kind (KindOf): 党员和群众.
        var kind = DonorNames.KindOf(frame.Donor);
        var date = reader?.DateOf(frame) is { } written ? DateReader.ToDate(written, year) : null;
        return new DonationRecord
        {
            Doc = docName,
            Line = sentence.Line,
            Evidence = Evidence.Of(sentence.Text, frame.Start, frame.End),
            Donor = frame.Donor,
            DonorKind = kind,
            Recipients = frame.Recipients,
            RecipientKinds = KindsOf(frame.Recipients),
            Via = frame.Via,
            ViaKind = KindOf(frame.Via),
            Cash = cash,
            GoodsValue = goodsValue,
            Combined = combined,
            CashOther = frame.CashOther,
            Items = items,
            Date = date,
            // A total (累计, 共, 先后三次…), money raised from many, or a group's giving; a joint gift of
            // two named givers is one gift, not a total.
            Aggregate = frame.TotalCue || frame.Role == TriggerRole.Raise || DonorNames.IsCollective(frame.Donor)
                        || kind == DonorKind.Group && !DonorNames.IsJointOfNamed(frame.Donor),
            Optional = !quantified,
            UnreadFigure = unread is { } figure ? figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "元" : null,
        };
    }

    private static DonorKind KindOf(string? name) => name is null ? DonorKind.Unknown : DonorNames.KindOf(name);

    private static DonorKind[] KindsOf(IReadOnlyList<string> names)
    {
        var kinds = new DonorKind[names.Count];
        for (var i = 0; i < kinds.Length; i++) kinds[i] = DonorNames.KindOf(names[i]);
        return kinds;
    }

    private static Figure? Believable(Figure? figure) => figure is { } f && f.Value > 0 && f.Value <= Limits.MostYuan ? f : null;

    private static Figure? Unbelievable(Figure? figure) => figure is not null && Believable(figure) is null ? figure : null;

    // 口罩、消毒酒精等防疫急需物资: the summing noun after 等 is not one more item; generic goods
    // (物资) count only when nothing more specific is named or they carry a quantity, and not when
    // the quantity sums up the goods just listed (…16箱酒精棉片共1.8吨医疗物资).
    private static List<DonatedItem> KeptItems(List<FoundItem> found)
    {
        var specific = found.Exists(f => !f.Generic && !f.AfterEtc);
        var kept = new List<DonatedItem>(found.Count);
        foreach (var f in found)
        {
            if (f.Generic && specific && f.SumsUp) continue;
            // 免费派口罩,…买8千个送人: goods named first and counted after are one item; goods of a kind
            // already counted add nothing uncounted.
            if (f.Item.Quantity is null && CountedElsewhere(found, f.Item.Category)) continue;
            // 捐赠物资 / 资金和救灾物资: goods named only in general and not counted are no item.
            if (f.Item.Quantity is null && (f.AfterEtc && found.Count > 1 || f.Generic)) continue;
            // A count beyond any one gift is no count: the goods are kept, uncounted.
            kept.Add(f.Item.Quantity is { } q && q.Value > Limits.MostQuantity ? f.Item with { Quantity = null } : f.Item);
        }
        return kept;
    }

    private static bool CountedElsewhere(List<FoundItem> found, ItemCategory category)
    {
        foreach (var o in found)
            if (o.Item.Quantity is not null && o.Item.Category == category) return true;
        return false;
    }
}
