namespace Ledger.Domain;

/// <summary>
/// The words the ledger takes in its fields (one vocabulary for the library, the CLI and the API), as written in records and API requests: item
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
    public static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum =>
        SnakeOf<TEnum>.Names.TryGetValue(value, out var snake) ? snake : ToSnake(value);

    // Each value's name made once: every stored record writes several.
    private static class SnakeOf<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, ToSnake);
    }

    private static string ToSnake<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var pascal = value.ToString();
        var snake = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) snake.Append('_');
            snake.Append(char.ToLowerInvariant(pascal[i]));
        }
        return snake.ToString();
    }

    /// <summary>protective_suit → ProtectiveSuit.</summary>
    public static TEnum Parse<TEnum>(string snake) where TEnum : struct, Enum => Enum.Parse<TEnum>(snake.Replace("_", ""), ignoreCase: true);

    private static Dictionary<string, TEnum> SnakeNames<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(Snake, v => v, StringComparer.Ordinal);
}
