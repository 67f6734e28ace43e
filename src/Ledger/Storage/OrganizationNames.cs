using Dapper;
using Ledger.Domain;
using Ledger.Extraction;
using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// The names, organizations and decisions of the ledger as the naming rule (<see cref="Naming"/>)
/// asks for them during one write transaction: read once, many at a time, and kept with the names
/// the transaction adds; and the organizations and names it creates, written with the transaction.
/// </summary>
internal sealed class OrganizationNames(Statements statements) : INameFacts
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
            fullForms.Add(Naming.FullForm(others) ?? name);
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

    /// <summary>The organization a name stands for (<see cref="Naming.Resolve"/>), created when nothing known matches it.</summary>
    public long Resolve(string name, DonorKind kind, string? city)
    {
        name = name.Trim();
        if (_seen.TryGetValue(name, out var cached)) return cached;
        var resolution = Naming.Resolve(name, kind, city, this, DonorNames.KindOf);
        var id = resolution switch
        {
            NameResolution.Known known => known.Id,
            NameResolution.New created => Create(name, created),
            _ => throw new InvalidOperationException($"unexpected {resolution}"),
        };
        Remember(name, id, resolution.Reason);
        return id;
    }

    private long Create(string name, NameResolution.New created)
    {
        var id = statements.NextId("organizations");
        statements.Add(Tables.Organizations, id, created.FullName, Vocabulary.Snake(created.Kind));
        _organizations[created.FullName] = id;
        _created.Add(id);
        if (created.FullName != name) Remember(created.FullName, id, "full form");
        return id;
    }

    public NameDecision? Decision(string name)
    {
        _decided ??= Decided();
        if (!_decided.Contains(name)) return null;
        using var rows = statements.Rows("SELECT decision, organization_name, who, why FROM name_decisions WHERE name = @name ORDER BY id DESC LIMIT 1", ("@name", name));
        return rows.Read() ? new NameDecision(rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1), rows.GetString(2), rows.GetString(3)) : null;
    }

    private HashSet<string> Decided()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var rows = statements.Rows("SELECT DISTINCT name FROM name_decisions");
        while (rows.Read()) names.Add(rows.GetString(0));
        return names;
    }

    public long? Known(string name) =>
        _seen.TryGetValue(name, out var id) ? id
        : _asked.Contains(name) ? (_stored.TryGetValue(name, out var stored) ? stored : null)
        : statements.Single("SELECT organization_id FROM names WHERE name = @name", ("@name", name)) as long?;

    public long? OrganizationNamed(string name) =>
        _organizations.TryGetValue(name, out var id) ? id
        : _askedOrganizations.Contains(name) ? null
        : statements.Single("SELECT id FROM organizations WHERE name = @name", ("@name", name)) as long?;

    private void Remember(string name, long id, string reason)
    {
        _seen[name] = id;
        statements.Add(Tables.Names, name, id, reason);
    }
}
