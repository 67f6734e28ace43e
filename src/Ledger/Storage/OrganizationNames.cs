using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// Finds the organization (or person) a name stands for, across documents, and says why:
/// a person's decision first, then the name as seen before, then its full form (疾控中心 =
/// 疾病预防控制中心, 哈医大一院 = 哈尔滨医科大学附属第一医院), then the document's city for a
/// city-relative name (市红十字会 in a Harbin report = 哈尔滨市红十字会, 医大一院 = 哈医大一院).
/// </summary>
internal sealed class OrganizationNames(DbConnection connection, DbTransaction transaction, Statements statements)
{
    private static readonly WordTable<string> Abbreviations = new(
        LanguageData.Lines("Storage/Data/abbreviations.tsv").Select(l => l.Split('\t')).Select(r => (r[0], r[1])));

    private readonly Dictionary<string, long> _seen = [];
    private readonly HashSet<long> _created = [];

    // The few names a person decided on, read once: every other name skips the look-up.
    private HashSet<string>? _decided;

    /// <summary>Whether the organization was created by this transaction's documents (so no earlier donation is its).</summary>
    public bool CreatedHere(long id) => _created.Contains(id);

    /// <summary>The organization a name stands for, created when nothing known matches it.</summary>
    public long Resolve(string name, DonorKind kind, string? city, string? also = null)
    {
        name = name.Trim();
        if (_seen.TryGetValue(name, out var cached)) return cached;
        var id = Find(name, kind, city, out var reason) ?? Create(name, kind, city, out reason);
        Remember(name, id, reason);
        if (also is not null && also != name && Known(also) is null) Remember(also, id, $"named as the giver's representative or member ({also}) beside {name}");
        return id;
    }

    private long? Find(string name, DonorKind kind, string? city, out string reason)
    {
        reason = "";
        _decided ??= connection.Query<string>("SELECT DISTINCT name FROM name_decisions", transaction: transaction).ToHashSet(StringComparer.Ordinal);
        var decision = !_decided.Contains(name) ? null : connection.QueryFirstOrDefault<(string Decision, string? Organization, string Who, string Why)?>(
            "SELECT decision, organization_name, who, why FROM name_decisions WHERE name = @name ORDER BY id DESC LIMIT 1",
            new { name }, transaction);
        if (decision is { } d)
        {
            reason = $"decided by {d.Who}: {d.Why}";
            if (d.Decision == "split") return Known(name) is { } own && OwnName(own, name) ? own : null;
            if (d.Organization is not null && OrganizationNamed(d.Organization) is { } chosen) return chosen;
        }
        if (Known(name) is { } known)
        {
            reason = "as written before";
            return known;
        }
        if (kind == DonorKind.Person) return null;
        foreach (var (candidate, why, _) in Candidates(name, city))
        {
            if (Known(candidate) is { } match)
            {
                reason = why;
                return match;
            }
        }
        return null;
    }

    private long Create(string name, DonorKind kind, string? city, out string reason)
    {
        // A new organization is named by its full form, made absolute where the name is relative to the city
        // (市红十字会); a guess that a bare name is local (医大一院 → 哈尔滨医大一院) only ever matches known names.
        var full = kind == DonorKind.Person ? name : Candidates(name, city).Where(c => !c.Guess).Select(c => c.Name).LastOrDefault() ?? name;
        reason = full == name ? "as written" : $"full form {full}";
        var existing = OrganizationNamed(full);
        if (existing is { } id) return id;
        // An abbreviation may not tell the kind its full form does (哈医大一院 → …医院 is a hospital).
        if (kind == DonorKind.Unknown) kind = DonorNames.KindOf(full);
        id = statements.Scalar("INSERT INTO organizations (name, kind) VALUES (@name, @kind) RETURNING id",
            ("@name", full), ("@kind", Vocabulary.Snake(kind)));
        _created.Add(id);
        if (full != name) Remember(full, id, "full form");
        return id;
    }

    /// <summary>Other names the same organization may have been written as, each with the reason.</summary>
    private static List<(string Name, string Why, bool Guess)> Candidates(string name, string? city)
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

    // 哈医大一院 → 哈尔滨医科大学附属第一医院; 市疾控中心 → 市疾病预防控制中心
    internal static string Expand(string name)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            var parts = new System.Text.StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length;)
            {
                if (Abbreviations.TryMatchAt(name, i, out var m) && !name.AsSpan(i).StartsWith(m.Value))
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

    private long? Known(string name) =>
        _seen.TryGetValue(name, out var id) ? id
        : statements.Single("SELECT organization_id FROM names WHERE name = @name", ("@name", name)) as long?;

    private long? OrganizationNamed(string name) =>
        statements.Single("SELECT id FROM organizations WHERE name = @name", ("@name", name)) as long?;

    private bool OwnName(long id, string name) =>
        connection.ExecuteScalar<string>("SELECT name FROM organizations WHERE id = @id", new { id }, transaction) == name;

    private void Remember(string name, long id, string reason)
    {
        _seen[name] = id;
        statements.Execute("INSERT INTO names (name, organization_id, reason) VALUES (@name, @id, @reason) ON CONFLICT (name) DO NOTHING",
            ("@name", name), ("@id", id), ("@reason", reason));
    }
}
