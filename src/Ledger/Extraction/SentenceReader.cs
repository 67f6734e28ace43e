using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>
/// Reads the gifts of one sentence clause by clause. A clause with a giving verb or with figures
/// joins the gift before it when it only adds to it (捐献酒精3.5万斤,口罩5500个), and starts a new
/// gift when it names another giver, a part of a total (其中…), or a figure already given.
/// </summary>
internal sealed class SentenceReader
{
    private static readonly Lexicon Words = Lexicon.Instance;
    private static readonly WordTable<bool> Appeal = Words.Cue("appeal");
    private static readonly WordTable<bool> Plan = Words.Cue("plan");
    private static readonly WordTable<bool> NotGift = Words.Cue("not_gift");
    private static readonly WordTable<bool> Total = Words.Cue("total");
    private static readonly WordTable<bool> GoodsValueCue = Words.Cue("goods_value");
    private static readonly WordTable<bool> CombinedCue = Words.Cue("combined");
    private static readonly WordTable<bool> ConvertedCue = Words.Cue("converted");
    private static readonly WordTable<bool> CashCue = Words.Cue("cash");
    private static readonly WordTable<bool> PartCue = Words.Cue("part");
    private static readonly WordTable<bool> EachCue = Words.Cue("each");
    private static readonly WordTable<bool> Purpose = Words.Cue("purpose");
    private static readonly WordTable<bool> RecipientEnd = Words.Cue("recipient_end");
    private static readonly WordTable<bool> PlanAdverb = Words.Cue("plan_adverb");
    private static readonly WordTable<bool> NeedsFigure = Words.Cue("needs_figure");
    private static readonly WordTable<bool> Anonymous = Words.Cue("anonymous");
    private static readonly WordTable<bool> Collective = Words.Cue("collective");
    private static readonly WordTable<bool> CountFollower = Words.Cue("count_follower");

    private readonly string _text;
    private readonly string? _paragraphSubject;
    private readonly string? _lastPerson;
    private string? _parentDonor;
    private readonly IReadOnlyList<Amount> _amounts;
    private readonly List<WrittenDate> _dates;
    private readonly StartIndex<Amount> _amountsByStart;
    private readonly StartIndex<WrittenDate> _datesByStart;
    private readonly StartIndex<WrittenDate> _asOfDatesByStart;
    private string? _topic;
    private int _topicAt = -1;
    private bool _listOpen;

    // The appeals of the sentence, found once: each clause's verb looks back at those before it.
    private List<WordMatch<bool>>? _appeals;
    private readonly string? _localCurrency;
    private readonly bool _listRow;

    // The giver this sentence named last: a clause after a semicolon without a subject of its own
    // (…给滑县人民政府捐赠药品20箱;给城关镇政府…捐赠合计12件) still speaks of it.
    private string? _sentenceGiver;

    /// <param name="text">The sentence.</param>
    /// <param name="paragraphSubject">Who the paragraph speaks of so far: a sentence without a subject continues it.</param>
    /// <param name="lastPerson">Who 他/她/该公司 last stood for, across paragraphs of one article.</param>
    /// <param name="localCurrency">What a bare 元 counts in this report (see <see cref="LocalCurrency"/>), null for yuan.</param>
    /// <param name="lastGoods">The goods the report named last: a count without goods (此前囤了的2000个) counts them.</param>
    /// <param name="listRow">The sentence is a row of a published list of givers: its names and figures are entries.</param>
    public SentenceReader(string text, string? paragraphSubject, string? lastPerson, string? localCurrency = null, DonatedItem? lastGoods = null,
        bool listRow = false)
    {
        _listOpen = _listRow = listRow;
        LastGoods = lastGoods;
        _text = text;
        _localCurrency = localCurrency;
        _paragraphSubject = paragraphSubject;
        _lastPerson = lastPerson;
        _amounts = AmountRecognizer.FindAll(text);
        _dates = DateReader.FindAll(text, 0, text.Length);
        _amountsByStart = new StartIndex<Amount>(_amounts, a => a.Start);
        _datesByStart = new StartIndex<WrittenDate>(_dates, d => d.Start);
        _asOfDatesByStart = new StartIndex<WrittenDate>(_dates.FindAll(d => d.AsOf), d => d.Start);
    }

    private List<Amount> AmountsIn(int start, int end) => _amountsByStart.In(start, end);

    /// <summary>The last date the sentence states, for the gifts of its paragraph that state none.</summary>
    public WrittenDate? LastDate => _dates.Count > 0 ? _dates[^1] : null;

    /// <summary>The goods named last by the end of this sentence, for counts without goods after it.</summary>
    public DonatedItem? LastGoods { get; private set; }

    /// <summary>The giver this sentence speaks of last, for the sentences after it (他又捐赠了…).</summary>
    public string? LastSubject { get; private set; }

    /// <summary>
    /// The gifts of the sentence. The clauses are read when this is called; a gift that several
    /// givers each gave is split into one gift per giver as the gifts are taken.
    /// </summary>
    public IEnumerable<GiftFrame> Frames()
    {
        // Most sentences state no gift: without a giving word only their subject matters (for 他 later).
        if (_amounts.Count == 0 && !Words.Triggers.ContainsAny(_text))
        {
            foreach (var (start, end) in Clauses())
            {
                NoteTopic(start, end);
                break;
            }
            LastSubject = _topic;
            return [];
        }
        _frames = ReadFrames();
        return _frames.Count > 0 ? EachGiver(_frames) : [];
    }

    // The gifts of the clauses, a clause that only adds to the gift before it merged into that gift.
    private List<GiftFrame> ReadFrames()
    {
        var frames = new List<GiftFrame>();
        // The gifts of one clause, read into one list reused for every clause.
        var clauseFrames = new List<GiftFrame>();
        GiftFrame? current = null;
        foreach (var (start, end) in Clauses())
        {
            // 党员马春生…承担村级用车服务;经营超市的党员王丽荣…: a semicolon starts another account.
            if (start > 0 && _text[start - 1] is ';' or '；')
            {
                current = null;
                _topic = null;
            }
            clauseFrames.Clear();
            ReadClause(start, end, current, clauseFrames);
            var read = clauseFrames.Count > 0;
            foreach (var clause in clauseFrames)
            {
                if (current is not null && current.CanAbsorb(clause)) current.Absorb(clause);
                else
                {
                    frames.Add(clause);
                    current = clause;
                    if (!clause.IsPart) _parentDonor = clause.Donor;
                }
            }
            // …协调捐赠3.5万只口罩,于2月1日直接入库市疾控中心: a clause that only adds when or where
            // belongs to the gift before it.
            if (!read && current is not null && current.End == start - 1) current.End = end;
        }
        LastSubject ??= _topic;
        return frames;
    }

    private static IEnumerable<GiftFrame> EachGiver(List<GiftFrame> frames)
    {
        foreach (var frame in frames)
        {
            if (!frame.HasTrigger) continue;
            if (frame.Each && DonorNames.SplitGivers(frame.Donor ?? "") is { Count: > 1 } givers)
            {
                // 吕晶、英炜、许前进委员…各自购买了1000只口罩: one gift per giver.
                foreach (var giver in givers)
                {
                    var one = new GiftFrame { Start = frame.Start, Donor = DonorNames.CoreName(giver) ?? giver, DonorStated = true };
                    one.Absorb(frame);
                    yield return one;
                }
            }
            else yield return frame;
        }
    }

    // The gifts of the sentence as read, before any is split by giver; none until Frames is called.
    private List<GiftFrame>? _frames;

    /// <summary>
    /// The date of a gift: one written inside its clauses (于2月1日直接入库), else the last one written
    /// before it with no other gift in between (2月27日,…捐赠 / 截至2月9日,…). Two dates for one gift
    /// (2月4日和2月18日) give none.
    /// </summary>
    public WrittenDate? DateOf(GiftFrame frame)
    {
        var inside = _datesByStart.In(frame.Start, frame.End);
        List<WrittenDate> candidates;
        if (inside.Count > 0) candidates = inside;
        else
        {
            var previousGift = PreviousGiftEnd(frame.Start);
            candidates = _datesByStart.In(previousGift, frame.Start);
        }
        // 截至2月9日,会员…捐款25.55万元,…捐款总计133.80元: an "as of" date covers every total after it.
        var asOf = inside.Count > 0 ? inside.LastOrDefault(d => d.AsOf) : _asOfDatesByStart.TryLastBefore(frame.Start, out var before) ? before : default;
        if (asOf.End > 0) return asOf;
        if (candidates.Count == 0) return null;
        if (candidates.Count > 1 && candidates[^2].End + 1 >= candidates[^1].Start) return null;
        return inside.Count > 0 ? candidates[0] : candidates[^1];
    }

    private List<GiftFrame>? _giftEndsOf;
    private int[] _giftEnds = [];

    // Where the last gift with figures ends before a position, else 0. A frame always ends after it
    // starts, so no frame is its own previous gift.
    private int PreviousGiftEnd(int position)
    {
        if (_giftEndsOf != _frames)
        {
            _giftEndsOf = _frames;
            var ends = new List<int>(_frames?.Count ?? 0);
            foreach (var frame in _frames ?? [])
                if (frame.HasFigures) ends.Add(frame.End);
            ends.Sort();
            _giftEnds = [.. ends];
        }
        var at = Array.BinarySearch(_giftEnds, position);
        if (at >= 0) return position;
        // Not found: the complement of where the first larger end stands; the one before it is smaller.
        var before = ~at - 1;
        return before >= 0 ? _giftEnds[before] : 0;
    }

    private IEnumerable<(int Start, int End)> Clauses()
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c is '(' or '“') depth++;
            else if ((c is ')' or '”') && depth > 0) depth--;
            else if (depth == 0 && (c is ',' or ';' or ':' or '。' or '!' or '?' or '，' or '；' or '！' or '？' or '…' && !ChineseNumber.IsThousandsSeparator(_text, i)
                                    || c == '、' && EndsGiftBeforeAnother(i)))
            {
                if (i > start) yield return (start, i);
                start = i + 1;
            }
        }
        if (start < _text.Length) yield return (start, _text.Length);
    }

    /// <summary>
    /// 中华慈善总会接收805万元、有关省市政府向灾区捐赠8991.97万元: a 、 after a figure, before words
    /// with a giving verb of their own, ends one gift's clause and opens the next one's.
    /// </summary>
    private bool EndsGiftBeforeAnother(int i)
    {
        // An amount is a few dozen characters at most: only those starting shortly before can end here.
        var figure = AmountsIn(Math.Max(0, i - 48), i).LastOrDefault(a => a.End == i || a.End < i && a.End >= i - 4 && Words.Items.TryMatchAt(_text, a.End, out var goods) && goods.End == i);
        if (figure is null) return false;
        var next = _amountsByStart.FirstStartAtOrAfter(i + 1) ?? _text.Length;
        for (var j = i + 1; j < next; j++)
        {
            if (_text[j] is ',' or '，' or '。' or ';' or '；') return false;
            if (Words.Triggers.TryMatchAt(_text, j, out _)) return true;
        }
        return false;
    }

    /// <summary>
    /// Adds the gifts the clause [start, end) states to <paramref name="found"/>. They are all read
    /// before the sentence merges any of them: nothing here looks at what the merging changes.
    /// </summary>
    private void ReadClause(int start, int end, GiftFrame? current, List<GiftFrame> found)
    {
        var trigger = FirstGiftTrigger(start, end);
        var quantities = new List<Amount>();
        var money = new List<Amount>();
        foreach (var amount in _amountsByStart.Within(start, end)) (amount.Kind == AmountKind.Quantity ? quantities : money).Add(amount);
        var items = GoodsOf(start, end, trigger, quantities, money.Count > 0, current);
        var contentStart = Math.Min(trigger?.Start ?? end, Math.Min(money.FirstOrDefault()?.Start ?? end, items.FirstOrDefault()?.Start ?? end));

        if (trigger is not null && IsNotAGift(start, trigger.Value)) return;
        if ((money.Count > 0 || trigger is not null) && IsStatistic(start, end)) return;
        if (quantities.Count == 0 && money.Count > 0
            && GiverList.Read(_text, start, end, money, _listOpen, current is { HasTrigger: true }) is { } list)
        {
            _listOpen = true;
            foreach (var entry in list.Entries) found.Add(ListedGift(entry, current));
            if (list.RestStart >= end) return;
            _listOpen = _listRow;
            ReadClause(list.RestStart, end, current, found);
            return;
        }
        _listOpen = _listRow || GiverList.Opens(_text, start, end);
        if (trigger is null && money.Count == 0 && items.Count == 0)
        {
            // A clause that only sets the scene may still name the giver: 吴庆和先后分两次代表禧龙园区,
            NoteTopic(start, end);
            return;
        }
        if (trigger is null && current is null && money.Count == 0 && !items.Any(i => i.Item.Quantity is not null))
        {
            NoteTopic(start, contentStart);
            return;
        }

        // 这批物资由校友企业某集团捐赠: the goods come first and 由 brings their giver before the verb.
        var subjectEnd = trigger is { } giving && contentStart < giving.Start && _text.IndexOf('由', contentStart, giving.Start - contentStart) >= 0
            ? giving.Start : contentStart;
        var subject = SubjectReader.Read(_text, start, subjectEnd, trigger is not null);
        if (trigger is not null && SubjectReader.BodyOfOfficers(_text, trigger.Value.Start) is { } body)
            subject = new SubjectReader.Subject(body, false, true);
        if (subject.ViaGoBetween && subject.Name is null) return;
        var donor = subject.Name is { } name ? ResolvePronouns(DonorNames.CoreName(name)) : null;
        var stated = donor is not null;
        // The giver named by the latest scene-setting clause speaks for what follows it.
        var inherited = current is null || _topicAt > current.Start ? null : current.IsPart ? _parentDonor : current.Donor;
        // A clause without a subject continues the sentence, then the paragraph, then the article's protagonist.
        // Words in the subject's place that name nobody we can read (香港赛马会慈善信托基金拨款…) leave the
        // gift without a giver rather than credit it to someone named sentences earlier.
        // The same holds for a clause that continues such a gift (全市共有3万余名党员自愿捐款,共计捐款1200余万元).
        var unreadSubject = !stated && !subject.IsPronoun && !subject.ViaGoBetween
                            && (HasSubjectWords(start, contentStart) || current is { HasTrigger: true, Donor: null });
        if (subject.Nobody) return;
        donor ??= subject.IsPronoun ? _lastPerson ?? _paragraphSubject ?? _topic
            : unreadSubject ? inherited ?? _topic ?? _sentenceGiver
            : inherited ?? _topic ?? _sentenceGiver ?? _paragraphSubject ?? _lastPerson;
        if (stated) LastSubject = _sentenceGiver = donor;
        else if (donor is not null && subject.IsPronoun) LastSubject ??= donor;
        if (_topic is not null && LastSubject is null) LastSubject = _topic;

        var role = trigger?.Value ?? current?.Role;
        var isPart = PartCue.ContainsAny(_text, start, contentStart);
        var frame = NewFrame(start, end, donor, stated, trigger, isPart);
        frame.Items.AddRange(items);
        frame.StartsAnew = OpensAnotherGift(start, contentStart);
        if (trigger is not null && current is not null) AddPartsOfCountedGoods(frame, quantities, items, current);
        ReadRecipients(frame, start, end, trigger);
        if (subject.Receiver is { } receiver && !frame.Recipients.Contains(receiver)) frame.Recipients.Add(receiver);

        var cash = new List<Amount>();
        foreach (var m in money)
            if (Classify(m, start, role) == FigureSlot.Cash) cash.Add(m);
        // 张明、李华、王强分别捐款1万元、5000元、3000元 / 某公司分别向一院、二院捐款1万元、5000元: the givers,
        // or the receivers, and the figures pair in order.
        if (cash.Count > 1 && trigger is not null && frame.Each && SideBySide(cash))
        {
            var givers = Respectively(donor, cash, trigger.Value.End);
            if (givers is not null || frame.Recipients.Count == cash.Count)
            {
                for (var k = 0; k < cash.Count; k++)
                {
                    var one = NewFrame(start, end, givers?[k] ?? donor, stated || givers is not null, trigger, isPart);
                    one.Each = false;
                    if (givers is null) one.Recipients.Add(frame.Recipients[k]);
                    else one.Recipients.AddRange(frame.Recipients);
                    Assign(one, cash[k], Classify(cash[k], start, role));
                    found.Add(one);
                }
                return;
            }
        }
        if (cash.Count > 1 && trigger is not null && AllStartAfter(cash, trigger.Value.End))
        {
            // 捐赠平房区疫情指挥部10000元、哈尔滨市民建市委会1000元: one gift per recipient.
            var from = trigger.Value.End;
            foreach (var m in cash)
            {
                var each = NewFrame(start, end, donor, stated, trigger, isPart);
                var who = m.Start > from ? DonorNames.Trim(_text[from..m.Start]) : "";
                if (who.Length > 0) each.Recipients.Add(who);
                each.Cash = m.Figure;
                from = m.End;
                found.Add(each);
            }
            return;
        }
        foreach (var m in money) Assign(frame, m, Classify(m, start, role));
        // 医疗物资分别由大阪、名古屋的华侨捐赠,运送口罩45000只: 各/分别 gives each giver the figure only
        // when the figure stands in its own clause.
        if (frame.Each && !frame.HasFigures) frame.Each = false;
        found.Add(frame);
    }

    private static bool AllStartAfter(List<Amount> figures, int position)
    {
        foreach (var figure in figures)
            if (figure.Start <= position) return false;
        return true;
    }

    /// <summary>
    /// The givers of a list beside as many figures after the verb (分别捐款1万元、5000元和3000元), in
    /// order; else null.
    /// </summary>
    private static List<string>? Respectively(string? donor, List<Amount> figures, int verbEnd)
    {
        if (donor is null || figures[0].Start < verbEnd || DonorNames.SplitGivers(donor) is not { } givers || givers.Count != figures.Count) return null;
        return givers.Select(g => DonorNames.CoreName(g) ?? g).ToList();
    }

    // 1万元、5000元和3000元: figures with nothing but separators between them.
    private bool SideBySide(List<Amount> figures)
    {
        for (var k = 1; k < figures.Count; k++)
            if (DonorNames.Trim(_text[figures[k - 1].End..figures[k].Start]).Trim('和', '及') is { Length: > 0 }) return false;
        return true;
    }

    // 其中:中国海油600万元 / 范宏伟等各捐2000元: a giver of a list, a part of the gift it follows.
    private GiftFrame ListedGift(GiverList.Entry entry, GiftFrame? current)
    {
        var frame = NewFrame(entry.Start, entry.Figure.End, entry.Giver, stated: true, entry.Verb, isPart: true);
        frame.Role = entry.Verb?.Value ?? current?.Role ?? TriggerRole.Give;
        frame.TotalCue = false;
        frame.Each |= _text.AsSpan(entry.Start, entry.Figure.Start - entry.Start).Contains('各');
        if (current is not null) frame.Recipients.AddRange(current.Recipients);
        Assign(frame, entry.Figure, Classify(entry.Figure, entry.Start, frame.Role));
        return frame;
    }

    /// <summary>
    /// A clause that only sets the scene may still name the giver (吴庆和先后分两次代表禧龙园区,);
    /// the latest one named speaks for the clauses after it.
    /// </summary>
    private void NoteTopic(int start, int end)
    {
        var scene = SubjectReader.Read(_text, start, end, hasTrigger: false);
        var topic = scene.IsPronoun ? _lastPerson : ResolvePronouns(scene.Name is { } n ? DonorNames.CoreName(n) : null);
        // 从来没有接触过护目镜的他又四处寻找供货商: the clause is about him even without a subject up front.
        if (topic is null && MentionsPersonalPronoun(start, end)) topic = _lastPerson;
        if (topic is not null)
        {
            _topic = topic;
            _topicAt = start;
        }
    }

    private bool MentionsPersonalPronoun(int start, int end)
    {
        for (var i = start; i < end; i++)
            if (_text[i] is '他' or '她' && (i == 0 || _text[i - 1] != '其') && (i + 1 >= _text.Length || _text[i + 1] != '人')) return true;
        return false;
    }

    // 他和吕洪盛 → 王德江、吕洪盛
    private string? ResolvePronouns(string? name)
    {
        if (name is null || _lastPerson is null) return name;
        var parts = DonorNames.SplitList(name);
        if (!parts.Any(SubjectReader.IsPronoun)) return name;
        return string.Join("、", parts.Select(p => SubjectReader.IsPronoun(p) ? _lastPerson : p).Distinct());
    }

    // 香港赛马会慈善信托基金拨款3000万元 names a body before its predicate; 目前,已捐赠给… and
    // 20多天共募集到… name nobody.
    private bool HasSubjectWords(int start, int contentStart)
    {
        if (contentStart <= start) return false;
        var region = _text[start..contentStart];
        var s = SubjectReader.SkipLeadWords(region, 0);
        return DonorNames.BeginsWithBody(DonorNames.Trim(region[s..SubjectReader.FirstPredicateMarker(region, s)]));
    }

    // 另2000套防护服… / 另外…: the clause speaks of another gift.
    private bool OpensAnotherGift(int start, int contentStart)
    {
        var s = start;
        while (s < contentStart && _text[s] is ' ' or '并' or '而') s++;
        return s < contentStart && _text[s] == '另';
    }

    /// <summary>
    /// The goods a clause gives: those the tables name, a count that counts goods named before it,
    /// goods the tables do not know, a count over a list; remembered for the counts after them.
    /// </summary>
    private List<FoundItem> GoodsOf(int start, int end, WordMatch<TriggerRole>? trigger, List<Amount> quantities, bool hasMoney, GiftFrame? current)
    {
        var items = ItemReader.Read(_text, start, end, quantities);
        var giving = trigger is { Value: not TriggerRole.Support } verb ? verb : (WordMatch<TriggerRole>?)null;
        if (items.Count == 0 && !hasMoney && quantities.Count == 1 && giving is not null
            && (current?.Items.LastOrDefault(i => !i.Generic)?.Item ?? LastGoods) is { } named && CountsGoodsNamedBefore(quantities[0], named))
            items = [new FoundItem(named with { Quantity = quantities[0].Figure, Unit = quantities[0].Unit }, quantities[0].Start, quantities[0].End, Generic: false, AfterEtc: false)];
        if (giving is { } given) AddGoodsNotInTheTables(given, end, quantities, items);
        items = CountOverTheList(items, quantities);
        if (items.LastOrDefault(i => !i.Generic) is { } last) LastGoods = last.Item with { Quantity = null };
        return items;
    }

    /// <summary>
    /// 向学校捐赠电脑20台 / 捐赠了500个书包和2000本图书: goods the tables do not know, counted after the
    /// giving verb, are goods of another kind under the name the text gives them, after the count or
    /// before it. A count right after 给/向/为 counts receivers (捐给5个乡镇), not goods.
    /// </summary>
    private void AddGoodsNotInTheTables(WordMatch<TriggerRole> verb, int end, List<Amount> quantities, List<FoundItem> items)
    {
        var from = verb.End;
        foreach (var q in quantities)
        {
            if (q.Start < verb.End || Counts(items, q)) continue;
            // 84消毒液20箱80桶: two units of one item written together.
            if (quantities.Any(o => o.End == q.Start || o.Start == q.End)) continue;
            var before = q.Start > 0 ? _text[q.Start - 1] : '\0';
            if (before is '给' or '向' or '为' or '到' or '至' or '往' or '对') continue;
            var name = GoodsNameAfter(q.End, end) ?? GoodsNameBefore(from, q.Start);
            // Each one added is among the items the next count is checked against.
            if (name is not null) items.Add(new FoundItem(new DonatedItem(ItemCategory.Other, name, q.Figure, q.Unit), q.Start, q.End, Generic: false, AfterEtc: false));
            from = q.End;
        }
    }

    // Whether an item found already has the count, or stands around it.
    private static bool Counts(List<FoundItem> items, Amount q)
    {
        foreach (var i in items)
            if (i.Item.Quantity == q.Figure && i.Item.Unit == q.Unit || i.Start <= q.Start && q.End <= i.End) return true;
        return false;
    }

    /// <summary>
    /// 送去面包、矿泉水共计2000余份: one count after a list of goods none of which is counted goes on the
    /// last of them (the head of the list, as 等共计1800件 does).
    /// </summary>
    private List<FoundItem> CountOverTheList(List<FoundItem> items, List<Amount> quantities)
    {
        if (items.Count < 2 || items.Any(i => i.Item.Quantity is not null) || quantities.Count != 1) return items;
        var count = quantities[0];
        var last = items[^1];
        if (count.Start < last.End || count.Start - last.End > 4 || !Total.ContainsAny(_text, last.End, count.Start)) return items;
        items[^1] = last with { Item = last.Item with { Quantity = count.Figure, Unit = count.Unit } };
        return items;
    }

    private const int LongestGoodsName = 8;

    // 500个书包 / 2000本图书和…: Han characters after the count up to a stop.
    private string? GoodsNameAfter(int at, int end)
    {
        var stop = at;
        while (stop < end && stop - at < LongestGoodsName && IsGoodsNameChar(stop)) stop++;
        return GoodsName(at, stop);
    }

    // 捐赠电脑20台: the words between the verb (or the last count) and the count.
    private string? GoodsNameBefore(int from, int at)
    {
        var start = at;
        while (start > from && at - start < LongestGoodsName && IsGoodsNameChar(start - 1)) start--;
        return GoodsName(start, at);
    }

    private bool IsGoodsNameChar(int i) =>
        _text[i] is >= '\u4e00' and <= '\u9fff' && ItemStops.IndexOf(_text[i]) < 0 && !Words.Triggers.TryMatchAt(_text, i, out _);

    // Characters no name of goods holds: particles, joints and the words of receivers and purposes.
    private const string ItemStops = "的了和及与或等给向为在将把从由到至是有共计合各每";

    private string? GoodsName(int start, int end)
    {
        if (end - start < 2) return null;
        var name = _text[start..end];
        // 2000台电脑已全部发放到位: the name ends where its predicate starts.
        name = name[..SubjectReader.FirstPredicateMarker(name, 0)];
        if (name.Length < 2 || Purpose.ContainsAny(name)) return null;
        // 5个乡镇 / 3所学校: receivers, not goods.
        return EndsLikeRecipient(name) || DonorNames.KindOf(name) != DonorKind.Unknown ? null : name;
    }

    /// <summary>
    /// 免费派口罩,自掏腰包买8千个送人 / 不仅仅此前囤了的2000个无私赠给过路人: a count given with no
    /// goods named counts the goods named before, in the same unit when theirs is known. A count
    /// followed by a noun counts that noun (17个医疗队, 一份爱心), not goods.
    /// </summary>
    private bool CountsGoodsNamedBefore(Amount count, DonatedItem named)
    {
        if (named.Unit is { } unit && unit != count.Unit) return false;
        if (count.End >= _text.Length) return true;
        var next = _text[count.End];
        return next is < '\u4e00' or > '\u9fff' || CountFollower.TryMatchAt(_text, count.End, out _) || Words.Triggers.TryMatchAt(_text, count.End, out _);
    }

    /// <summary>将其中1000套捐助给了武汉的医院: a count in a unit of goods just named is more of those goods.</summary>
    private static void AddPartsOfCountedGoods(GiftFrame frame, List<Amount> quantities, List<FoundItem> items, GiftFrame current)
    {
        foreach (var q in quantities)
        {
            if (items.Any(i => i.Item.Quantity == q.Figure && i.Item.Unit == q.Unit)) continue;
            var counted = current.Items.LastOrDefault(i => i.Item.Unit == q.Unit);
            if (counted is null) continue;
            frame.Items.Add(counted with { Item = counted.Item with { Quantity = q.Figure }, Start = q.Start, End = q.End });
        }
    }

    private GiftFrame NewFrame(int start, int end, string? donor, bool stated, WordMatch<TriggerRole>? trigger, bool isPart) => new()
    {
        Start = start,
        End = end,
        Donor = donor,
        DonorStated = stated,
        Role = trigger?.Value,
        TotalCue = HasTotalCue(start, end),
        IsPart = isPart,
        Each = EachCue.ContainsAny(_text, start, end),
    };

    private WordMatch<TriggerRole>? FirstGiftTrigger(int start, int end)
    {
        var quoted = false;
        for (var i = start; i < end; i++)
        {
            // “一方有难、八方支援” / “抗疫情 献爱心”捐赠活动: words in quotes are names and sayings.
            if (_text[i] == '“') quoted = true;
            else if (_text[i] == '”') quoted = false;
            if (quoted) continue;
            if (!Words.Triggers.TryMatchAt(_text, i, out var m) || m.End > end) continue;
            // 捐赠仪式 / 倡议书 are talk about giving; 募捐箱 is a thing.
            if (m.End < _text.Length && "仪箱书活".Contains(_text[m.End])) { i = m.End - 1; continue; }
            if (m.Value == TriggerRole.Support && !SupportsWithGoods(m, end)) { i = m.End - 1; continue; }
            // 资助贫困学生50名,共计10万元 is a gift; 并资助他们出国深造。 only says what money is for.
            if (NeedsFigure.TryMatchAt(_text, m.Start, out var word) && word.End == m.End && !_amountsByStart.Any(start, end)
                && _amountsByStart.FirstStartAtOrAfter(m.End) is null) { i = m.End - 1; continue; }
            return m;
        }
        return null;
    }

    // 支援舒兰 / 支援口罩2万只 are gifts; 有力地支援了抗疫一线的医疗救治工作 is praise.
    private bool SupportsWithGoods(WordMatch<TriggerRole> support, int end)
    {
        var rest = _text[support.End..end];
        if (_amountsByStart.Any(support.Start, end)) return true;
        return !Purpose.ContainsAny(rest) && !rest.Contains('了') && rest.Length <= 12;
    }

    // 号召全体会员捐款 (an appeal) / 查获假冒口罩 (a seizure): no gift happened.
    private bool IsNotAGift(int start, WordMatch<TriggerRole> trigger)
    {
        foreach (var cue in NotGift.Matches(_text, start, Math.Min(_text.Length, trigger.End + 12)))
            if (!IsPartOfName(cue.End)) return true;
        // 倡议市民伸出援助之手,尽自己所能向医疗机构捐赠口罩: an appeal to the public speaks for the whole
        // sentence after it; any other appeal only for its own clause.
        _appeals ??= Appeal.FindAll(_text);
        foreach (var appeal in _appeals)
        {
            if (appeal.End > trigger.Start) break;
            var after = appeal.End < _text.Length ? _text[appeal.End] : '\0';
            if (after is '下' or '所') continue;
            // 《致全市会员的倡议书》 names a letter; it asks nobody in this sentence.
            if (appeal.Start < start && (after == '书' || !AddressesThePublic(appeal.End))) continue;
            var before = Math.Max(0, appeal.Start - 6);
            if (_text.AsSpan(before, appeal.Start - before).Contains("响应", StringComparison.Ordinal)) continue;
            return true;
        }
        // 计划向医院捐赠 / 拟通过…公司向学校捐赠: a plan before the verb; 准备用于…的口罩 only describes the goods.
        foreach (var plan in Plan.Matches(_text, Math.Max(start, trigger.Start - 30), trigger.Start))
        {
            if (_text.IndexOf('的', plan.End, trigger.Start - plan.End) < 0) return true;
        }
        return WillGive(start, trigger);
    }

    // 倡议市民… / 呼吁大家… / 号召社会各界…: the appeal names the public it asks.
    private bool AddressesThePublic(int at)
    {
        var end = Math.Min(_text.Length, at + 6);
        return Anonymous.ContainsAny(_text, at, end) || Collective.ContainsAny(_text, at, end);
    }

    /// <summary>
    /// 他与夫人将再捐助1亿元 / 将向灾区捐赠: 将 before the verb or its receiver announces a gift to come;
    /// 将全部口罩捐赠给医院 (将 before the goods) hands over what is there.
    /// </summary>
    private bool WillGive(int start, WordMatch<TriggerRole> trigger)
    {
        for (var at = _text.IndexOf('将', start, trigger.Start - start); at >= 0; at = _text.IndexOf('将', at + 1, trigger.Start - at - 1))
        {
            var next = at + 1;
            while (next < trigger.Start && PlanAdverb.TryMatchAt(_text, next, out var adverb)) next = adverb.End;
            if (next == trigger.Start || _text[next] is '向' or '为' or '给' or '对') return true;
            if (at + 1 >= trigger.Start) break;
        }
        return false;
    }

    /// <summary>
    /// 共出现19笔…千万元及以上大额捐赠 / 1笔5000万元至亿元捐赠 / 捐赠金额在5000万元至1亿元的有1笔: counts of
    /// gifts and brackets of amounts are statistics about giving, not gifts.
    /// </summary>
    private bool IsStatistic(int start, int end)
    {
        if (_text.IndexOf('笔', start, end - start) >= 0)
        foreach (var number in ChineseNumber.FindAll(_text[start..end]))
        {
            var after = start + number.End;
            while (after < end && _text[after] is '余' or '多') after++;
            if (after < end && _text[after] == '笔') return true;
        }
        foreach (var a in _amountsByStart.Within(start, end))
        {
            if (a.End >= end || a.Kind != AmountKind.Money) continue;
            if (_text[a.End] is '至' or '到' && _amountsByStart.FirstStartAtOrAfter(a.End + 1) is { } next && next <= a.End + 2) return true;
            if (string.CompareOrdinal(_text, a.End, "及以上", 0, 3) == 0) return true;
        }
        return false;
    }

    // 黑龙江销售公司 / 采购中心: the word names a body, it does not say what happened.
    private bool IsPartOfName(int end)
    {
        var after = _text.AsSpan(end, Math.Min(4, _text.Length - end));
        foreach (var suffix in (ReadOnlySpan<string>)["公司", "企业", "集团", "有限", "中心", "店", "部", "站", "商", "点", "处", "科"])
            if (after.StartsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }

    private bool HasTotalCue(int start, int end)
    {
        foreach (var cue in Total.Matches(_text, start, end))
        {
            // 价值共计80余万元 sums the goods of one gift, not several gifts.
            var near = _text.AsSpan(Math.Max(0, cue.Start - 3), Math.Min(_text.Length, cue.End + 3) - Math.Max(0, cue.Start - 3));
            if (near.Contains("价值", StringComparison.Ordinal)) continue;
            // 102箱共计51万副手套 / 等共计1800件 / 共捐赠4万只口罩: a count of one gift's goods, not a sum of gifts.
            if (CountsGoodsAfter(cue.End)) continue;
            if (cue.Word == "共")
            {
                var next = cue.End < _text.Length ? _text[cue.End] : '\0';
                var prev = cue.Start > 0 ? _text[cue.Start - 1] : '\0';
                if ("同产青建享识赢克抗战渡度筑担".Contains(next) || "中公".Contains(prev)) continue;
            }
            return true;
        }
        return false;
    }

    private bool CountsGoodsAfter(int at)
    {
        var next = _amountsByStart.FirstStartAtOrAfter(at);
        if (next is not { } start || start > at + 6) return false;
        var amount = AmountsIn(start, start + 1);
        return amount.Count > 0 && amount[0].Kind == AmountKind.Quantity;
    }

    private enum FigureSlot { Cash, GoodsValue, Combined }

    // 价值5万元 → goods; 捐款捐物20余万元 / 钱款、物资折合 → combined; 物资折合 → goods; else cash.
    private FigureSlot Classify(Amount money, int clauseStart, TriggerRole? role)
    {
        var windowStart = Math.Max(clauseStart, money.Start - 8);
        // 捐款捐物价值超过1亿元: the value of money and goods given together is one combined figure.
        if (role == TriggerRole.Combined && NamesCombinedGift(windowStart, money.Start))
            return FigureSlot.Combined;
        if (GoodsValueCue.ContainsAny(_text, windowStart, money.Start)) return FigureSlot.GoodsValue;
        // 捐百万物资 / 捐赠约3100万港元物资: a sum followed by goods is what the goods are worth.
        if (Words.Items.TryMatchAt(_text, money.End, out var goods) && goods.Value.Generic) return FigureSlot.GoodsValue;
        var combined = CombinedCue.ContainsAny(_text, clauseStart, money.Start) || role == TriggerRole.Combined;
        if (ConvertedCue.ContainsAny(_text, clauseStart, money.Start))
            return combined ? FigureSlot.Combined : FigureSlot.GoodsValue;
        if (combined) return FigureSlot.Combined;
        // 捐赠15万元的食品物资: a sum with 的 before the goods is their price.
        if (money.End < _text.Length && _text[money.End] == '的' && GoodsWithin(money.End + 1, 8)) return FigureSlot.GoodsValue;
        // 捐助物资大概在100万元左右: the goods, and no money, named before the sum.
        if (GoodsNamedBefore(clauseStart, money.Start) && !CashCue.ContainsAny(_text, clauseStart, money.Start)) return FigureSlot.GoodsValue;
        return FigureSlot.Cash;
    }

    private bool NamesCombinedGift(int start, int end)
    {
        foreach (var t in Words.Triggers.Matches(_text, start, end))
            if (t.Value == TriggerRole.Combined) return true;
        return false;
    }

    private bool GoodsWithin(int from, int length)
    {
        for (var i = from; i < Math.Min(_text.Length, from + length); i++)
        {
            if (_text[i] is ',' or '。' or ';') return false;
            if (Words.Items.TryMatchAt(_text, i, out _)) return true;
        }
        return false;
    }

    // 华康物资贸易有限公司向灾区捐赠100万元: goods in the giver's name are no goods named.
    private bool GoodsNamedBefore(int start, int end)
    {
        foreach (var goods in Words.Items.Matches(_text, start, end))
            if (goods.Value.Generic && !ItemReader.InBodyName(_text, goods.End)) return true;
        return false;
    }

    private void Assign(GiftFrame frame, Amount money, FigureSlot slot)
    {
        var currency = money.Currency == "CNY" && _localCurrency is not null && !LocalCurrency.SaysYuan(_text, money) ? _localCurrency : money.Currency;
        if (currency != "CNY")
        {
            frame.CashOther ??= new Money(money.Figure, currency);
            return;
        }
        switch (slot)
        {
            case FigureSlot.GoodsValue: frame.GoodsValue ??= money.Figure; break;
            case FigureSlot.Combined: frame.Combined ??= money.Figure; break;
            default: frame.Cash ??= money.Figure; break;
        }
    }

    /// <summary>
    /// 向哈医大一院、哈医大二院…等一线医护人员捐赠 / 为道里区防疫指挥部捐赠 / 捐赠给130名武汉在哈人员 /
    /// 通过哈尔滨红十字会…捐款 (a channel, not a receiver).
    /// </summary>
    private void ReadRecipients(GiftFrame frame, int start, int end, WordMatch<TriggerRole>? trigger)
    {
        var verb = trigger?.Start ?? end;
        var via = _text.IndexOf("通过", start, verb - start, StringComparison.Ordinal);
        if (via >= 0)
        {
            var stop = SubjectReader.FirstPredicateMarker(_text, via + 2, verb);
            var channel = DonorNames.Trim(_text[(via + 2)..stop]);
            if (channel.Length >= 2) frame.Via = channel;
        }
        // 向X捐赠 names the receiver; 捐赠给X / 送到X next; 为X捐赠 may only say on whose behalf.
        if (ReceiverBefore(frame, start, verb, '向', strict: false)) return;
        if (ReceiverAfter(frame, trigger?.Start ?? end, end)) return;
        if (ReceiverBefore(frame, start, verb, '给', strict: true)) return;
        if (ReceiverBefore(frame, start, verb, '为', strict: true)) return;
        if (trigger is not null) ReceiverAtEnd(frame, trigger.Value.End, end);
    }

    // 捐出口罩50万片给医护人员 / 捐赠了100套防护服给呼兰区疫情指挥部调配使用: 给 after the goods.
    private void ReceiverAtEnd(GiftFrame frame, int from, int end)
    {
        for (var i = end - 1; i > from; i--)
        {
            if (_text[i] is not ('给' or '予')) continue;
            if (i + 1 < _text.Length && _text[i + 1] is '予') continue;
            var stop = SubjectReader.FirstPredicateMarker(_text, i + 1, end);
            AddRecipients(frame, _text[(i + 1)..stop], strict: false);
            return;
        }
    }

    private bool ReceiverBefore(GiftFrame frame, int start, int verb, char preposition, bool strict)
    {
        if (verb <= start) return false;
        var at = _text.LastIndexOf(preposition, verb - 1, verb - start);
        if (at < start) return false;
        var stop = SubjectReader.FirstPredicateMarker(_text, at + 1, verb);
        AddRecipients(frame, _text[(at + 1)..stop], strict);
        return frame.Recipients.Count > 0;
    }

    private bool ReceiverAfter(GiftFrame frame, int from, int end)
    {
        foreach (var t in Words.Triggers.Matches(_text, from, end))
        {
            // 筹到资金 / 募集到物资: 到 completes raising, it names no receiver.
            if (t.Value == TriggerRole.Raise) continue;
            var after = t.End;
            if (after < end && _text[after] is '给' or '到' or '至' or '往') after++;
            var endsWithDirection = "给到至往援".Contains(_text[t.End - 1]) || after > t.End;
            if (!endsWithDirection) continue;
            if (after < end && _text[after] == '了') after++;
            var stop = after;
            var nextAmount = _amountsByStart.FirstStartAtOrAfter(after) ?? end;
            while (stop < end && stop < nextAmount && !",;用".Contains(_text[stop])) stop++;
            AddRecipients(frame, _text[after..stop], strict: false);
            if (frame.Recipients.Count > 0) return true;
        }
        return false;
    }

    private static void AddRecipients(GiftFrame frame, string words, bool strict)
    {
        words = DonorNames.Trim(words);
        var etc = words.IndexOf('等');
        if (etc > 0) words = words[..etc];
        if (words.Length < 2 || Purpose.ContainsAny(words) && !EndsLikeRecipient(words)) return;
        if (strict && !EndsLikeRecipient(words)) return;
        foreach (var split in DonorNames.SplitList(words))
        {
            // 送到南岗区新春街道办事处后: a time word after the receiver is not part of its name.
            var part = split.Length > 3 && split[^1] is '后' or '时' && EndsLikeRecipient(split[..^1]) ? split[..^1] : split;
            if (part.Length >= 2 && part != frame.Donor && !frame.Recipients.Contains(part)) frame.Recipients.Add(part);
        }
    }

    private static bool EndsLikeRecipient(string words)
    {
        for (var len = Math.Min(4, words.Length); len >= 1; len--)
            if (RecipientEnd.TryMatchAt(words, words.Length - len, out var m) && m.End == words.Length) return true;
        return false;
    }
}
