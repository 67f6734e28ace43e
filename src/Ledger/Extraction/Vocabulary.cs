using Ledger.Domain;

namespace Ledger.Extraction;

/// <summary>
/// The words the ledger takes in its fields, as written in records and API requests: item
/// categories, giver kinds and qualifiers in snake_case, and the measure words of goods
/// (from the same Data/units.tsv the extractor reads).
/// </summary>
public static class Vocabulary
{
    public static IReadOnlySet<string> Units { get; } = LanguageData.Lines("Extraction/Data/units.tsv")
        .Select(l => l.Split('\t')).Where(r => r[1] == "quantity").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, ItemCategory> Categories { get; } = SnakeNames<ItemCategory>();

    public static IReadOnlyDictionary<string, DonorKind> DonorKinds { get; } = SnakeNames<DonorKind>();

    public static IReadOnlyDictionary<string, Qualifier> Qualifiers { get; } = SnakeNames<Qualifier>();

    /// <summary>ProtectiveSuit → protective_suit.</summary>
    public static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum => Lexicon.ToSnake(value.ToString());

    private static Dictionary<string, TEnum> SnakeNames<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(Snake, v => v, StringComparer.Ordinal);
}
