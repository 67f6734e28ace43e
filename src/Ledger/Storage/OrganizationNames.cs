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

    // Organizations looked up by name for the whole batch at once (the full forms new names would take), and those created since.
    private readonly HashSet<string> _askedOrganizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _organizations = new(StringComparer.Ordinal);

    /// <summary>
    /// Looks up, in a few queries, what resolving the names of a batch of documents will ask: the
    /// names, the other names each may have been written as, and the organizations their full forms
    /// name. Each is then answered from memory instead of one query a name (a round trip each, on a
    /// database across a network), and the writes wait to go together.
    /// </summary>
    /// <returns>The organizations the known names, or their other names, stand for.</returns>
    public IReadOnlyCollection<long> Preload(IEnumerable<(string Name, DonorKind Kind, string? City)> names)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var fullForms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (written, kind, city) in names.DistinctBy(n => (n.Name, n.Kind, n.City)))
        {
            var name = written.Trim();
            wanted.Add(name);
            if (kind == DonorKind.Person || _seen.ContainsKey(name)) continue;
            var others = OtherNames.Of(name, city);
            wanted.UnionWith(others.Select(o => o.Name));
            fullForms.Add(FullForm(others) ?? name);
        }
        using (var rows = statements.RowsMatching("SELECT name, organization_id FROM names WHERE name IN (SELECT value FROM {values})",
                   wanted.Where(n => !_seen.ContainsKey(n) && _asked.Add(n)).ToList()))
            while (rows.Read()) _stored[rows.GetString(0)] = rows.GetInt64(1);
        using (var rows = statements.RowsMatching("SELECT name, id FROM organizations WHERE name IN (SELECT value FROM {values})",
                   fullForms.Where(_askedOrganizations.Add).ToList()))
            while (rows.Read()) _organizations[rows.GetString(0)] = rows.GetInt64(1);
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
        // The other names it may have been written as, asked once for both the look-up and the naming of a new organization.
        var others = kind == DonorKind.Person ? [] : OtherNames.Of(name, city);
        var id = Find(name, kind, others, out var reason) ?? Create(name, kind, others, out reason);
        Remember(name, id, reason);
        if (also is not null && also != name && Known(also) is null) Remember(also, id, $"named as the giver's representative or member ({also}) beside {name}");
        return id;
    }

    private long? Find(string name, DonorKind kind, List<(string Name, string Why, bool Guess)> others, out string reason)
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
        foreach (var (candidate, why, _) in others)
        {
            if (Known(candidate) is { } match)
            {
                reason = why;
                return match;
            }
        }
        return null;
    }

    private long Create(string name, DonorKind kind, List<(string Name, string Why, bool Guess)> others, out string reason)
    {
        // A new organization is named by its full form, made absolute where the name is relative to the city
        // (市红十字会); a guess that a bare name is local (医大一院 → 哈尔滨医大一院) only ever matches known names.
        var full = kind == DonorKind.Person ? name : FullForm(others) ?? name;
        reason = full == name ? "as written" : $"full form {full}";
        var existing = OrganizationNamed(full);
        if (existing is { } id) return id;
        // An abbreviation may not tell the kind its full form does (哈医大一院 → …医院 is a hospital).
        if (kind == DonorKind.Unknown) kind = DonorNames.KindOf(full);
        id = statements.NextId("organizations");
        statements.Add(Tables.Organizations, id, full, Vocabulary.Snake(kind));
        _organizations[full] = id;
        _created.Add(id);
        if (full != name) Remember(full, id, "full form");
        return id;
    }

    private static string? FullForm(IEnumerable<(string Name, string Why, bool Guess)> others) => others.Where(c => !c.Guess).Select(c => c.Name).LastOrDefault();

    private long? Known(string name) =>
        _seen.TryGetValue(name, out var id) ? id
        : _asked.Contains(name) ? (_stored.TryGetValue(name, out var stored) ? stored : null)
        : statements.Single("SELECT organization_id FROM names WHERE name = @name", ("@name", name)) as long?;

    private long? OrganizationNamed(string name) =>
        _organizations.TryGetValue(name, out var id) ? id
        : _askedOrganizations.Contains(name) ? null
        : statements.Single("SELECT id FROM organizations WHERE name = @name", ("@name", name)) as long?;

    private bool OwnName(long id, string name) =>
        statements.Single("SELECT name FROM organizations WHERE id = @id", ("@id", id)) as string == name;

    private void Remember(string name, long id, string reason)
    {
        _seen[name] = id;
        statements.Add(Tables.Names, name, id, reason);
    }
}
