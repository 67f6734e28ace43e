using Ledger.Extraction;

namespace Ledger.Domain;

/// <summary>
/// The names one organization is written as in reports: its full form (疾控中心 = 疾病预防控制中心,
/// 哈医大一院 = 哈尔滨医科大学附属第一医院, from <c>Data/abbreviations.tsv</c>), and names relative to the
/// report's city (市红十字会 in a Harbin report = 哈尔滨市红十字会; 医大一院 there may be 哈医大一院).
/// </summary>
public static class OtherNames
{
    private static readonly WordTable<string> Abbreviations = new(
        LanguageData.Lines("Domain/Data/abbreviations.tsv").Select(l => l.Split('\t')).Select(r => (r[0], r[1])));

    /// <summary>
    /// Other names the same organization may have been written as, each with the reason, in the
    /// order they are tried; a guess (<c>Guess</c>) only ever matches a name the ledger knows, it never names a new organization.
    /// </summary>
    public static List<(string Name, string Why, bool Guess)> Of(string name, string? city)
    {
        var candidates = new List<(string, string, bool)>();
        var full = Expand(name);
        if (full != name) candidates.Add((full, $"{name} abbreviates {full}", false));
        // 哈尔滨的医大一院: a place written before 的 only says where the organization is.
        var of = name.LastIndexOf('的');
        if (of > 0 && of < name.Length - 2)
        {
            var rest = name[(of + 1)..];
            candidates.Add((rest, $"{name} names {rest} with its place", true));
            var restFull = Expand(rest);
            if (restFull != rest) candidates.Add((restFull, $"{rest} abbreviates {restFull}", true));
            if (city is not null && !rest.Contains(city, StringComparison.Ordinal)) candidates.Add(($"{city}{restFull}", $"{name} is the local {city}{restFull}", true));
        }
        if (city is null) return candidates;
        foreach (var form in new[] { name, full }.Distinct())
        {
            // 市红十字会 / 我市 in a report from 哈尔滨 → 哈尔滨市红十字会
            if (form.StartsWith('市')) candidates.Add(($"{city}{form}", $"{name} is relative to the report's city {city}", false));
            else if (form.StartsWith("我市", StringComparison.Ordinal) || form.StartsWith("本市", StringComparison.Ordinal))
                candidates.Add(($"{city}市{form[2..]}", $"{name} is relative to the report's city {city}", false));
            // 哈尔滨红十字会 = 哈尔滨市红十字会
            else if (form.StartsWith(city, StringComparison.Ordinal) && !form.AsSpan(city.Length).StartsWith("市"))
                candidates.Add(($"{city}市{form[city.Length..]}", $"{name} names the city {city} without 市", true));
            // 医大一院 in a report from 哈尔滨 = 哈医大一院 (哈尔滨医科大学附属第一医院)
            else if (!form.Contains(city, StringComparison.Ordinal) && form.Length >= 3)
                candidates.Add(($"{city}{form}", $"{name} is the local {city}{form}", true));
        }
        return candidates;
    }

    // 哈医大一院 → 哈尔滨医科大学附属第一医院; 市疾控中心 → 市疾病预防控制中心; 省侨联 → 省归国华侨联合会, and
    // that stays as it is: an abbreviation inside its own full form (华侨联合会) is not expanded again.
    public static string Expand(string name)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            var parts = new System.Text.StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length;)
            {
                if (Abbreviations.TryMatchAt(name, i, out var m) && !WithinFullForm(name, i, m.End, m.Value))
                {
                    parts.Append(m.Value);
                    i = m.End;
                }
                else parts.Append(name[i++]);
            }
            var expanded = parts.ToString();
            if (expanded == name) break;
            name = expanded;
        }
        return name;
    }

    // Whether the abbreviation at start..end lies within its full form written out in the name.
    private static bool WithinFullForm(string name, int start, int end, string full)
    {
        for (var at = Math.Max(0, end - full.Length); at <= start; at++)
            if (name.AsSpan(at).StartsWith(full)) return true;
        return false;
    }
}
