using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// Finds the organization (or person) a name stands for, across documents, and says why:
/// a person's decision first, then the name as seen before, then the other names it may have
/// been written as (<see cref="OtherNames"/>), when the ledger knows one of them.
/// </summary>
internal sealed class OrganizationNames(DbConnection connection, DbTransaction transaction, Statements statements)
{
    private readonly Dictionary<string, long> _seen = [];

    // Names looked up for the whole batch at once, and what the ledger knew of them: no entry is an unknown name.
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _stored = new(StringComparer.Ordinal);
    private readonly HashSet<long> _created = [];

    // The few names a person decided on, read once: every other name skips the look-up.
    private HashSet<string>? _decided;

    /// <summary>
    /// Looks up, in a few queries, the names a batch of documents will resolve: each is then answered
    /// from memory instead of one query a name (a round trip each, on a database across a network).
    /// </summary>
    /// <returns>The organizations the known names stand for.</returns>
    public IReadOnlyCollection<long> Preload(IEnumerable<string> names)
    {
        var wanted = names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in wanted.Where(n => !_seen.ContainsKey(n) && _asked.Add(n)).Chunk(500))
        {
            var values = chunk.Select((name, i) => ($"@n{i}", (object?)name)).ToArray();
            using var rows = statements.Rows($"SELECT name, organization_id FROM names WHERE name IN ({string.Join(", ", values.Select(v => v.Item1))})", values);
            while (rows.Read()) _stored[rows.GetString(0)] = rows.GetInt64(1);
        }
        return wanted.Select(n => _seen.TryGetValue(n, out var seen) ? seen : _stored.TryGetValue(n, out var stored) ? stored : (long?)null)
            .OfType<long>().ToHashSet();
    }

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
        foreach (var (candidate, why, _) in OtherNames.Of(name, city))
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
        var full = kind == DonorKind.Person ? name : OtherNames.Of(name, city).Where(c => !c.Guess).Select(c => c.Name).LastOrDefault() ?? name;
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

    private long? Known(string name) =>
        _seen.TryGetValue(name, out var id) ? id
        : _asked.Contains(name) ? (_stored.TryGetValue(name, out var stored) ? stored : null)
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
