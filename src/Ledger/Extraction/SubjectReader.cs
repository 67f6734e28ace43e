using Ledger.Domain;
using Ledger.Text;

namespace Ledger.Extraction;

/// <summary>
/// Finds who acts in the words before a clause's verb: the plain subject (赵国良|先后向…), or the
/// real giver behind a go-between (从阿穆尔州政府协调捐赠, 由英炜…陆续捐赠, 代表禧龙园区,
/// 陈维委员所属泰华制药公司, 发动民营企业…捐款).
/// </summary>
internal static class SubjectReader
{
    private static readonly Lexicon Words = Lexicon.Instance;
    private static readonly WordTable<bool> Lead = Words.Cue("lead");
    private static readonly WordTable<bool> Predicate = Words.Cue("predicate");
    private static readonly WordTable<bool> Mobilise = Words.Cue("mobilise");
    private static readonly WordTable<bool> Pronoun = Words.Cue("pronoun");
    private static readonly WordTable<bool> Anonymous = Words.Cue("anonymous");
    private static readonly WordTable<bool> NotName = Words.Cue("not_name");
    private static readonly WordTable<bool> AfterName = Words.Cue("after_name");
    private static readonly WordTable<bool> Purpose = Words.Cue("purpose");

    // Single-character predicate markers that also begin ordinary words: 在职党员, 中共, 以上.
    private static readonly Dictionary<string, string> NotMarkerBefore = new()
    {
        ["在"] = "职岗编任哈京校读内外韩日美英法德澳加华港台",
        ["共"] = "同产青建享识赢克抗战渡度筑担",
        ["为"] = "主首",
        ["以"] = "上下来及后前外内",
        ["从"] = "事业",
        ["将"] = "军近",
        ["对"] = "口",
        ["给"] = "予",
        ["就"] = "业诊医",
        ["另"] = "外一",
        ["再"] = "次生",
        // 防护用品有限公司 / 日用品: 用品 names goods, it does not say what a gift is used for.
        ["用"] = "品",
    };

    private static readonly Dictionary<string, string> NotMarkerAfter = new()
    {
        ["共"] = "中公",
        ["则"] = "原规准细总法否守",
        ["在"] = "所现存正实",
        ["以"] = "可所",
        ["为"] = "作成因认",
    };

    /// <summary>What the subject words say: a name, a pronoun, or nothing usable.</summary>
    /// <param name="Nobody">The words name nobody one could point to (社会各界, 该县各界): no giver stands in for them.</param>
    internal readonly record struct Subject(string? Name, bool IsPronoun, bool ViaGoBetween, string? Receiver = null, bool Nobody = false);

    // Words that open a clause's predicate by pointing at someone else: nothing before them is a subject.
    private static readonly HashSet<string> Prepositions = ["向", "为", "给", "对", "从", "在", "将", "把", "通过", "以", "由", "于"];

    private static readonly string[] ReceivingVerbs = ["收到", "接受", "接收", "接到", "获赠"];

    /// <summary>
    /// 市红十字会接收哈药集团捐赠的… → giver 哈药集团, receiver 市红十字会. When the words say
    /// the gift was received but name no giver (接收社会捐赠), nobody is the giver: the subject
    /// is the receiver, never the donor.
    /// </summary>
    private static (string? Giver, string? Receiver)? ReceivedFrom(string region)
    {
        // 本报读者公益基金会昨收善款 / 续收捐款: 收 right before the money names its receiver.
        if (region.EndsWith('收') && region.Length > 1)
        {
            var s = SkipLeadWords(region, 0);
            return (null, s < region.Length - 1 ? Named(region[s..FirstPredicateMarker(region, s, region.Length - 1)]) : null);
        }
        foreach (var verb in ReceivingVerbs)
        {
            var at = region.IndexOf(verb, StringComparison.Ordinal);
            if (at < 0) continue;
            var s = SkipLeadWords(region, 0);
            var receiver = at > s ? Named(region[s..FirstPredicateMarker(region[..at], s)]) : null;
            var from = at + verb.Length;
            // 收到了校友王某捐赠的: the aspect mark is no part of the giver.
            if (from < region.Length && region[from] == '了') from++;
            var giver = Named(region[from..FirstPredicateMarker(region, from)]);
            return (giver, receiver);
        }
        return null;
    }

    /// <summary>The subject of the words in [start, end) (the part of a clause before its verb).</summary>
    /// <param name="text">The sentence.</param>
    /// <param name="start">Where the subject words may begin.</param>
    /// <param name="end">Where the verb or the goods begin.</param>
    /// <param name="hasTrigger">Whether a giving verb follows: only then can a go-between's words name the giver
    /// (为南岗区采购了2900套隔离服 is a purchase, 为韩红公益基金会采购…捐助到湖北 a gift).</param>
    public static Subject Read(string text, int start, int end, bool hasTrigger)
    {
        if (end <= start) return default;
        // 将全省民营企业捐赠的2000万元善款交到…: before "捐赠的" stands the giver of those goods.
        if (hasTrigger && end < text.Length - 2 && Words.Triggers.TryMatchAt(text, end, out var relative) && relative.End < text.Length && text[relative.End] == '的')
        {
            var by = Math.Max(text.LastIndexOf('将', end - 1, end - start), text.LastIndexOf('把', end - 1, end - start));
            if (by >= start && Named(text[(by + 1)..end]) is { } owner) return new Subject(owner, false, true);
        }
        var region = text[start..end];
        if (hasTrigger && CountedGivers(region) is { } counted) return new Subject(counted, false, false);
        if (hasTrigger && ReceivedFrom(region) is { } receipt) return new Subject(receipt.Giver, false, true, receipt.Receiver);
        if (hasTrigger && GoBetweenGiver(region) is { } giver) return new Subject(giver, false, true);
        var s = SkipLeadWords(region, 0);
        var stop = FirstPredicateMarker(region, s);
        // 经营超市的红旗村党员王丽荣主动…: a clause describing the giver comes before the name.
        if (stop == s && Predicate.TryMatchAt(region, s, out var verb) && !Prepositions.Contains(verb.Word)
            && region.IndexOf('的', verb.End) is var of and > 0 && of < FirstPredicateMarker(region, verb.End))
        {
            s = of + 1;
            stop = FirstPredicateMarker(region, s);
        }
        if (stop <= s) return default;
        var words = DonorNames.Trim(region[s..stop]);
        if (words.Length == 0) return default;
        if (Pronoun.TryMatchAt(words, 0, out var p) && p.End == words.Length) return new Subject(null, true, false);
        if (Nickname(region.AsSpan(s, stop - s).TrimEnd(" ,")) is { } nickname) return new Subject(nickname, false, false);
        if (ListWithPronoun(words)) return new Subject(words, false, false);
        if (IsAnonymous(words)) return new Subject(null, false, false, Nobody: true);
        if (words.Contains('的') && !words.EndsWith("的"))
        {
            // 禧龙物流园区的商户 / 看到政协党员干部缺少口罩的王嘉祥: the words after 的 must name someone.
            var owner = OwnerOrWhole(words);
            if (IsPlausibleName(owner) && DonorNames.IsNameLike(owner)) return new Subject(owner, false, false);
            // 如从事日常保洁工作的蔡伯: a clause describing a person before the name.
            // 近日深陷水质门的农夫山泉在…: the same for a company named by its brand.
            var described = words[(words.LastIndexOf('的') + 1)..];
            var brand = IsBareName(described) && (stop == region.Length ? hasTrigger : AfterName.TryMatchAt(region, stop, out _));
            return DonorNames.LooksLikePersonName(described) || brand ? new Subject(described, false, false) : default;
        }
        var bare = IsBareName(words) && (stop == region.Length ? hasTrigger : AfterName.TryMatchAt(region, stop, out _));
        return IsPlausibleName(words) && (DonorNames.IsNameLike(words) || bare) ? new Subject(words, false, false) : default;
    }

    private static readonly string CountClassifiers = "家名位个户所批支";

    /// <summary>
    /// 此次活动中共有11家中央企业捐款 / 已有多家中央企业为灾区捐款 → 11家中央企业, 多家中央企业:
    /// "有" and a count of givers names them, whatever stands before.
    /// </summary>
    private static string? CountedGivers(string region)
    {
        for (var at = region.IndexOf('有'); at >= 0 && at + 2 < region.Length; at = region.IndexOf('有', at + 1))
        {
            var from = at + 1;
            // 已有超过300家企业 / 有近百家单位: a qualifier before the count.
            if (CountQualifier.TryMatchAt(region, from, out var qualifier)) from = qualifier.End;
            var count = from;
            if (region[count] is '多' or '数' or '几' or '逾' or '近' or '上' or '百' or '千' or '万') count++;
            else if (ChineseNumber.FindAll(region[from..Math.Min(region.Length, from + 8)]) is { Count: > 0 } numbers && numbers[0].Start == 0) count += numbers[0].Length;
            // 3万余名党员 / 40多家企业
            if (count > from && count < region.Length && region[count] is '余' or '多') count++;
            if (count == from || count >= region.Length || !CountClassifiers.Contains(region[count])) continue;
            return Named(region[from..FirstPredicateMarker(region, count + 1)]);
        }
        return null;
    }

    private static readonly WordTable<bool> NicknameEnd = Words.Cue("nickname_end");
    private static readonly WordTable<bool> CountQualifier = Words.Cue("count_qualifier");
    private static readonly WordTable<bool> Batch = Words.Cue("batch");

    /// <summary>
    /// 中山热心“口罩哥” → 口罩哥: the papers name a giver by a nickname in quotes that ends in a word
    /// for a person (哥, 姐, 叔, 大爷…) standing last before the verb.
    /// </summary>
    private static string? Nickname(ReadOnlySpan<char> words)
    {
        var close = words.LastIndexOf('”');
        if (close < 0 || close < words.Length - 1) return null;
        var open = words[..close].LastIndexOf('“');
        if (open < 0 || close - open - 1 is < 2 or > 5) return null;
        var name = words[(open + 1)..close].ToString();
        return DonorNames.AllHan(name) && NicknameEnd.TryMatchAt(name, name.Length - 1, out var end) && end.End == name.Length ? name : null;
    }

    // 台积电 / 华为 / 飞鹤乳业: a brand names its company without a telling ending.
    // 察疫情 / 抗疫一线 read as slogans, not names.
    private static bool IsBareName(string words) =>
        words.Length is >= 2 and <= 8 && DonorNames.AllHan(words) && !Purpose.ContainsAny(words) && !NotBrand.ContainsAny(words) && !HoldsCount(words)
        && !NamesGoods(words);

    // 医疗物资 / 口罩: goods, not a giver (北山食品 names a company by its goods after a name of its own).
    private static bool NamesGoods(string words)
    {
        for (var i = 0; i < words.Length; i++)
            if (Words.Items.TryMatchAt(words, i, out var goods) && goods.End == words.Length && (i == 0 || goods.Value.Generic)) return true;
        return false;
    }

    // 天津航空两架(包机): a count of things inside the words makes them a phrase, not a name.
    private static bool HoldsCount(string words)
    {
        foreach (var number in ChineseNumber.FindAll(words))
            if (CountUnits.TryMatchAt(words, number.End, out _)) return true;
        return false;
    }

    private static readonly WordTable<bool> NotBrand = Words.Cue("not_brand");

    // 他和黑龙江省侨联委员吕洪盛: a list that names someone through a pronoun.
    private static bool ListWithPronoun(string words)
    {
        return DonorNames.SeveralParts(words) is { } parts && parts.Any(IsPronoun) && parts.Any(p => !IsPronoun(p) && DonorNames.IsNameLike(p));
    }

    public static bool IsPronoun(string words) => Pronoun.TryMatchAt(words, 0, out var p) && p.End == words.Length;

    // 禧龙物流园区的商户 is a name; 看到政协党员干部缺少口罩的王嘉祥 is a clause about 王嘉祥.
    private static string OwnerOrWhole(string words) => words.Length > 14 ? words[(words.LastIndexOf('的') + 1)..] : words;

    public static bool IsPlausibleName(string words) =>
        words.Length is >= 2 and <= 40
        && !IsCount(words)
        && !NotName.ContainsAny(words)
        && !Words.Triggers.ContainsAny(words)
        && !IsAnonymous(words)
        && HasHan(words);

    // 社会各界 alone names nobody; 社会各界人士 and 爱心人士 likewise.
    // 大埔火灾各界 / 该县各界: whoever the words begin with, 各界 at the end still names nobody.
    private static bool IsAnonymous(string words) =>
        Anonymous.TryMatchAt(words, 0, out var a) && a.End == words.Length || words.EndsWith("各界", StringComparison.Ordinal) || words.EndsWith("各界人士", StringComparison.Ordinal);

    // 3次累计… / 2天之内: a count or a span of time opens the clause, not a giver.
    // 四川省 / 万达集团 / 三一重工 begin with a numeral character but count nothing.
    private static bool IsCount(string words)
    {
        var numbers = ChineseNumber.FindAll(words);
        if (numbers.Count == 0 || numbers[0].Start != 0 || words.Length - numbers[0].Length > 2) return false;
        return numbers[0].Length == words.Length || CountUnits.TryMatchAt(words, numbers[0].Length, out _);
    }

    private static readonly WordTable<bool> CountUnits = Words.Cue("count_unit");

    private static bool HasHan(string words)
    {
        foreach (var c in words)
            if (c is >= '\u4e00' and <= '\u9fff') return true;
        return false;
    }

    /// <summary>
    /// The giver when the subject only passed the gift on.
    /// 从俄罗斯阿穆尔州政府、布拉格维申斯克市政府协调 → the two governments;
    /// 由市政协香港委员英炜、吕晶…陆续 → 英炜、吕晶…; 吴庆和先后分两次代表禧龙园区 → 禧龙园区;
    /// 陈维委员所属泰华制药公司 → 泰华制药公司; 发动民营企业、商协会…爱心人士 → those givers.
    /// </summary>
    private static string? GoBetweenGiver(string region)
    {
        // …从/在 X 协调(捐赠)
        var coordinate = region.LastIndexOf("协调", StringComparison.Ordinal);
        if (coordinate > 0 && DonorNames.Trim(region[(coordinate + 2)..]).Length == 0)
        {
            var from = Math.Max(region.LastIndexOf('从', coordinate), region.LastIndexOf('在', coordinate));
            if (from >= 0 && Named(region[(from + 1)..coordinate]) is { } x) return x;
        }
        // 由 X (陆续) 捐赠的
        var by = LeadingWord(region, "由");
        // 这批物资由校友企业某集团捐赠 / 一批由日本友人捐赠的口罩: 由 after the goods it brings.
        if (by < 0 && GoodsBefore(region, region.IndexOf('由')) is var after and > 0) by = after;
        if (by >= 0)
        {
            var stop = FirstPredicateMarker(region, by);
            if (Named(region[by..stop]) is { } x) return x;
        }
        // 为韩红公益基金会采购30000套防护服捐助到湖北: the goods were bought for X, so they are X's gift.
        var bought = region.IndexOf("采购", StringComparison.Ordinal);
        if (bought < 0) bought = region.IndexOf("代购", StringComparison.Ordinal);
        if (bought > 0)
        {
            var forWhom = region.LastIndexOf('为', bought);
            if (forWhom >= 0 && Named(region[(forWhom + 1)..bought]) is { } owner) return owner;
        }
        // X 代表 Y / X 所属 Y
        foreach (var word in (ReadOnlySpan<string>)["代表", "所属"])
        {
            var at = region.IndexOf(word, StringComparison.Ordinal);
            if (at <= 0) continue;
            var y = Named(region[(at + 2)..FirstPredicateMarker(region, at + 2)]);
            if (word == "代表" && (y is null || IsPronoun(y) || DonorNames.KindOf(y) == DonorKind.Person))
            {
                // 慈博大药房代表罗美玲、郭自恒送交: the body's representatives hand over the body's money.
                if (Named(region[SkipLeadWords(region, 0)..at]) is { } body && IsBody(body)) return body;
                // 某某公司董事长李某代表公司: the officer acts for the body named before the title.
                if (OfficersBody(region, at) is { } led) return led;
            }
            if (y is not null) return y;
        }
        // 发动 / 组织 / 号召所在 Y (捐款)
        for (var i = 0; i < region.Length; i++)
        {
            if (!Mobilise.TryMatchAt(region, i, out var m)) continue;
            // 社会组织 / 党组织 / 基层组织 are bodies; 协会组织会员捐款 is an act.
            if (m.Word == "组织" && OrganisationNoun(region, i)) continue;
            if (m.End < region.Length && region[m.End] == '下') continue; // 在…号召下 is context, not a giver
            if (Named(region[m.End..FirstPredicateMarker(region, m.End)]) is not { } y) continue;
            // 澳门妇女联合总会会长贺定一率领理事会成员送来: an officer leading the body's members gives the body's gift.
            if (Words.KindMembers.ContainsAny(y) && OfficersBody(region, i) is { } led) return led;
            // 南岗区个体工商户协会组织会员捐款: members are named by the body they belong to.
            var body = DonorNames.Trim(region[SkipLeadWords(region, 0)..i]);
            return NamesMembers(y) && Named(body) is { } organisation
                   && DonorNames.KindOf(organisation) is not (DonorKind.Person or DonorKind.Group) ? organisation + y : y;
        }
        return null;
    }

    /// <summary>
    /// The body whose officers hand over its money: 澳门船务物流协会理事长黄国胜、…秘书李秀君代表送交 /
    /// 宏益集团执行董事郑颖超代表送交 / …有限公司区域总经理周显辉,区域副经理…代表该公司送交. The words
    /// before the verb end with 代表 (and 该会, 该公司…); the body stands before the first title of the
    /// officers, possibly clauses earlier in the sentence.
    /// </summary>
    public static string? BodyOfOfficers(string text, int verb)
    {
        var end = verb;
        while (end > 0 && text[end - 1] is ' ' or ',' or '，') end--;
        for (var length = Math.Min(4, end); length >= 2; length--)
        {
            if (Pronoun.TryMatchAt(text, end - length, out var p) && p.End == end)
            {
                end -= length;
                break;
            }
        }
        return end >= 2 && string.CompareOrdinal(text, end - 2, "代表", 0, 2) == 0 ? OfficersBody(text, end - 2) : null;
    }

    // The body named before the first title in [0, end), in the clause that title stands in:
    // 澳门妇女联合总会|会长贺定一.
    private static string? OfficersBody(string text, int end)
    {
        var titles = Words.Titles.FindAll(text, 0, end);
        if (titles.Count == 0) return null;
        var first = titles[0].Start;
        var from = first;
        while (from > 0 && text[from - 1] is not (',' or '，' or ';' or '；' or ':' or '。')) from--;
        from = SkipLeadWords(text[..first], from);
        return first > from && Named(text[from..first]) is { } body && IsBody(body) ? body : null;
    }

    // 协会 / 有限公司 / 大药房: a body, not a person or a crowd.
    private static bool IsBody(string name) => DonorNames.KindOf(name) is not (DonorKind.Person or DonorKind.Group or DonorKind.Unknown);

    // Where the giver's words start after 由 when only goods or a batch of them stand before it, else -1.
    private static int GoodsBefore(string region, int at)
    {
        if (at <= 0) return -1;
        var before = DonorNames.Trim(region[SkipLeadWords(region, 0)..at]);
        // 医疗物资分别由大阪、名古屋的华侨捐赠
        if (before.EndsWith("分别", StringComparison.Ordinal)) before = before[..^2];
        var batch = Batch.TryMatchAt(before, 0, out var words) && words.End == before.Length;
        return batch || Words.Items.TryMatchAt(before, Math.Max(0, before.Length - 2), out var goods) && goods.End == before.Length ? at + 1 : -1;
    }

    private static readonly string[] MemberWords = ["会员", "党员", "员工", "职工", "委员", "干部", "社员", "师生", "干部职工"];

    // 会员 / 全体会员 / 广大会员: the members of whatever body stands before.
    private static bool NamesMembers(string words)
    {
        var rest = words.StartsWith("全体", StringComparison.Ordinal) || words.StartsWith("广大", StringComparison.Ordinal) ? words.AsSpan(2) : [];
        foreach (var member in MemberWords)
            if (words == member || rest.SequenceEqual(member)) return true;
        return false;
    }

    private static bool OrganisationNoun(string region, int at)
    {
        foreach (var before in (ReadOnlySpan<string>)["社会", "党", "基层", "各级", "群团", "民间", "公益", "慈善", "上级", "该"])
            if (at >= before.Length && string.CompareOrdinal(region, at - before.Length, before, 0, before.Length) == 0) return true;
        return false;
    }

    private static string? Named(string words)
    {
        words = DonorNames.Trim(words);
        return IsPlausibleName(words) && DonorNames.IsNameLike(words) ? words : null;
    }

    private static int LeadingWord(string region, string word)
    {
        var s = SkipLeadWords(region, 0);
        return string.CompareOrdinal(region, s, word, 0, word.Length) == 0 ? s + word.Length : -1;
    }

    /// <summary>Skips connectives and dates that open a clause: 此外, 2月27日, 截至2月9日.</summary>
    public static int SkipLeadWords(string region, int s)
    {
        while (s < region.Length)
        {
            if (region[s] is ' ' or ',' or '、') { s++; continue; }
            if (Lead.TryMatchAt(region, s, out var lead)) { s = lead.End; continue; }
            if (DatelineEnd(region, s) is var dateline and > 0) { s = dateline; continue; }
            var date = char.IsAsciiDigit(region[s]) || region[s] is '截' or '到' ? DateReader.First(region, s, Math.Min(region.Length, s + 16)) : null;
            if (date is { } written && written.Start == s)
            {
                s = written.End;
                if (s < region.Length && region[s] is '和' or '至' or '到' or '、') s++;
                continue;
            }
            break;
        }
        return s;
    }

    /// <summary>
    /// Where a news dateline or byline ends, or 0: 中青在线上海12月21日电(中国青年报记者 王烨捷) /
    /// 南都讯 记者萧倩苑 / 本报讯. The agency and the reporter are no givers.
    /// </summary>
    private static int DatelineEnd(string region, int s)
    {
        var window = Math.Min(region.Length, s + 24);
        var end = region.IndexOf("日电", s, window - s, StringComparison.Ordinal) is var dispatch and >= 0 ? dispatch + 2
            : region.IndexOf('讯', s, Math.Min(window, s + 6) - s) is var news and >= 0 && IsBylineBreak(region, news + 1) ? news + 1 : -1;
        if (end < 0 || Words.Triggers.ContainsAny(region, s, end)) return 0;
        if (end < region.Length && region[end] is '(' or '（')
        {
            var close = region.IndexOfAny([')', '）'], end);
            if (close > 0 && close - end <= 40) end = close + 1;
        }
        // 南都讯 记者萧倩苑: the reporter's name follows the title 记者.
        var rest = end;
        while (rest < region.Length && region[rest] == ' ') rest++;
        if (string.CompareOrdinal(region, rest, "记者", 0, 2) == 0)
        {
            rest += 2;
            var name = rest;
            while (name < region.Length && name - rest < 3 && region[name] is >= '\u4e00' and <= '\u9fff') name++;
            end = name;
        }
        return end;
    }

    // 本报讯 / 南都讯 记者…: a byline's 讯 stands before a space, a bracket or 记者, unlike 腾讯 or 通讯员.
    private static bool IsBylineBreak(string region, int at) =>
        at < region.Length && (region[at] is ' ' or '(' or '（' or ':' or '】' or '　' || string.CompareOrdinal(region, at, "记者", 0, 2) == 0);

    // 17日 / 3月5日 / 2020年: digits that name a day, a month or a year.
    private static bool StartsDate(string region, int i, int end)
    {
        var j = i;
        while (j < end && char.IsAsciiDigit(region[j])) j++;
        return j < end && j - i <= 4 && region[j] is '日' or '号' or '月' or '年';
    }

    public static int FirstPredicateMarker(string region, int from) => FirstPredicateMarker(region, from, region.Length);

    /// <summary>Where the predicate starts in [from, end), or <paramref name="end"/>.</summary>
    public static int FirstPredicateMarker(string region, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (Words.Triggers.TryMatchAt(region, i, out _)) return i;
            // 长春市委、市政府17日向…捐赠: a date after the name.
            // 继今年5月李达三…: a date after a time word opens the clause, it does not end a name.
            if (i > from && char.IsAsciiDigit(region[i]) && !char.IsAsciiDigit(region[i - 1]) && "年月今去前上下本继".IndexOf(region[i - 1]) < 0
                && StartsDate(region, i, end)) return i;
            if (!Predicate.TryMatchAt(region, i, out var m)) continue;
            // 澳门妇女联合总会 / 联合国: the word begins a body's name here.
            if (m.Word == "联合" && m.End < end && region[m.End] is '会' or '总' or '国' or '体' or '社') continue;
            if (m.Word.Length == 1 && !IsMarker(region, i, m.Word)) continue;
            // 华为向武汉捐赠: one character is no subject, so 为 here is part of the name.
            if (m.Word.Length == 1 && i == from + 1 && !Pronoun.TryMatchAt(region, from, out _)) continue;
            return i;
        }
        return end;
    }

    private static bool IsMarker(string region, int i, string word)
    {
        if (NotMarkerBefore.TryGetValue(word, out var next) && i + 1 < region.Length && next.Contains(region[i + 1])) return false;
        if (NotMarkerAfter.TryGetValue(word, out var prev) && i > 0 && prev.Contains(region[i - 1])) return false;
        return true;
    }
}
