using Ledger.Domain;

namespace Ledger.Extraction;

/// <summary>What a trigger word says about the gift (see Data/triggers.tsv).</summary>
internal enum TriggerRole { Give, Money, Goods, Combined, Raise, Support }

/// <summary>An item word's category, and whether it names goods only in general (物资).</summary>
internal readonly record struct ItemWord(ItemCategory Category, bool Generic);

/// <summary>
/// The language data the extraction rules read, loaded once from the embedded Data/*.tsv files.
/// </summary>
internal sealed class Lexicon
{
    public static Lexicon Instance { get; } = new();

    public WordTable<TriggerRole> Triggers { get; }
    public WordTable<ItemWord> Items { get; }
    public WordTable<string> Titles { get; }
    public IReadOnlyDictionary<string, WordTable<bool>> Cues { get; }
    /// <summary>Words that tell a kind wherever they stand; the value is (row order, kind): earlier rows win.</summary>
    public WordTable<(int Order, DonorKind Kind)> KindContains { get; }

    /// <summary>Words for many people (会员, 党员, 商户), tried after the endings.</summary>
    public WordTable<(int Order, DonorKind Kind)> KindMembers { get; }

    /// <summary>Name endings that tell a kind, by ending.</summary>
    public Dictionary<string, DonorKind>.AlternateLookup<ReadOnlySpan<char>> KindSuffixes { get; }

    public int LongestKindSuffix { get; }
    public HashSet<char> Surnames { get; }
    public HashSet<string> CompoundSurnames { get; }

    private Lexicon()
    {
        Triggers = new WordTable<TriggerRole>(Rows("triggers.tsv").Select(r => (r[0], Enum.Parse<TriggerRole>(r[1], ignoreCase: true))));
        Items = new WordTable<ItemWord>(Rows("categories.tsv").Select(r =>
            (r[0], new ItemWord(Vocabulary.Parse<ItemCategory>(r[1]), r.Length > 2 && r[2] == "generic"))));
        Titles = new WordTable<string>(Rows("titles.tsv").Select(r => (r[0], r[0])));
        Cues = Rows("cues.tsv")
            .GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => new WordTable<bool>(g.Select(r => (r[1], true))));
        var kinds = Rows("kinds.tsv").Select(r => (Match: r[0], Word: r[1], Kind: Vocabulary.Parse<DonorKind>(r[2]))).ToList();
        KindContains = new WordTable<(int, DonorKind)>(kinds.Where(k => k.Match == "contains").Select((k, order) => (k.Word, (order, k.Kind))));
        KindMembers = new WordTable<(int, DonorKind)>(kinds.Where(k => k.Match == "member").Select((k, order) => (k.Word, (order, k.Kind))));
        var suffixes = kinds.Where(k => k.Match == "suffix").ToDictionary(k => k.Word, k => k.Kind);
        KindSuffixes = suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        LongestKindSuffix = suffixes.Keys.Max(k => k.Length);
        var surnameLines = LanguageData.Lines("Extraction/Data/surnames.txt").ToList();
        Surnames = surnameLines[0].Where(c => !char.IsWhiteSpace(c)).ToHashSet();
        CompoundSurnames = surnameLines.Skip(1).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
    }

    public WordTable<bool> Cue(string name) => Cues[name];

    private static IEnumerable<string[]> Rows(string file) =>
        LanguageData.Lines("Extraction/Data/" + file).Select(l => l.Split('\t'));
}
