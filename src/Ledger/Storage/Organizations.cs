using System.Data.Common;
using Dapper;
using Ledger.Domain;

namespace Ledger.Storage;

/// <summary>An organization (or person) and every name it was written as, with the reason for each.</summary>
public sealed record Organization(long Id, string Name, string Kind, IReadOnlyList<OrganizationName> Names);

/// <summary>A name an organization was written as, and why the ledger takes it to be that organization.</summary>
public sealed record OrganizationName(string Name, string Reason);

/// <summary>What part an organization plays in a record.</summary>
public enum MentionRole { Donor, Recipient, Channel }

/// <summary>A record that names an organization: as what, where, in which sentence.</summary>
public sealed record Mention(MentionRole Role, string WrittenAs, long RecordId, long? DonationId, long DocumentId, string Document, int Line, string Sentence);

/// <summary>
/// The organizations of the ledger. A person's decision on a name (it is an alias of an
/// organization, or it is an organization of its own) wins over the rules, now and for every later
/// ingest; the decision and its reason are kept.
/// </summary>
public sealed class Organizations(LedgerDatabase database)
{
    /// <summary>The most organizations one search answers at a time.</summary>
    public const int MaximumLimit = 500;

    private const string Matching = """
        FROM organizations o
        WHERE (@text IS NULL OR instr(o.name, @text) > 0
               OR EXISTS (SELECT 1 FROM names n WHERE n.organization_id = o.id AND instr(n.name, @text) > 0))
          AND (@kind IS NULL OR o.kind = @kind)
        """;

    /// <summary>Organizations whose name or any alias contains <paramref name="text"/>, best known first.</summary>
    public IReadOnlyList<OrganizationRef> Search(string? text, string? kind = null, int limit = 50, int offset = 0)
    {
        using var connection = database.Connect();
        return connection.Query<(long Id, string Name, string Kind)>("SELECT o.id, o.name, o.kind " + Matching + """
                ORDER BY (SELECT count(*) FROM records r WHERE r.organization_id = o.id)
                       + (SELECT count(*) FROM record_recipients rr WHERE rr.organization_id = o.id) DESC, o.name, o.id
                LIMIT @limit OFFSET @offset
                """, new { text = Words(text), kind, limit = Math.Clamp(limit, 1, MaximumLimit), offset = Math.Max(0, offset) })
            .Select(o => new OrganizationRef(o.Id, o.Name, o.Kind)).ToList();
    }

    /// <summary>How many organizations <see cref="Search"/> finds in all.</summary>
    public int Count(string? text, string? kind = null)
    {
        using var connection = database.Connect();
        return connection.ExecuteScalar<int>("SELECT count(*) " + Matching, new { text = Words(text), kind });
    }

    private static string? Words(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public Organization? ById(long id)
    {
        using var connection = database.Connect();
        return connection.ExecuteScalar<long?>("SELECT id FROM organizations WHERE id = @id", new { id }) is null ? null : Get(connection, id);
    }

    /// <summary>Every record of a current document that names the organization: as giver, receiver or channel.</summary>
    public IReadOnlyList<Mention> Mentions(long id)
    {
        using var connection = database.Connect();
        return connection.Query<(string Role, string WrittenAs, long RecordId, long? DonationId, long DocumentId, string Document, int Line, string Sentence)>("""
                SELECT 'donor', r.donor, r.id, r.donation_id, doc.id, doc.name, r.line, r.evidence
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.organization_id = @id AND r.retired_at IS NULL AND doc.replaced_by IS NULL
                UNION ALL
                SELECT 'recipient', rr.name, r.id, r.donation_id, doc.id, doc.name, r.line, r.evidence
                FROM record_recipients rr JOIN records r ON r.id = rr.record_id JOIN documents doc ON doc.id = r.document_id
                WHERE rr.organization_id = @id AND r.retired_at IS NULL AND doc.replaced_by IS NULL
                UNION ALL
                SELECT 'channel', r.via, r.id, r.donation_id, doc.id, doc.name, r.line, r.evidence
                FROM records r JOIN documents doc ON doc.id = r.document_id
                WHERE r.via_id = @id AND r.retired_at IS NULL AND doc.replaced_by IS NULL
                ORDER BY 6, 7, 3
                """, new { id })
            .Select(m => new Mention(Enum.Parse<MentionRole>(m.Role, ignoreCase: true), m.WrittenAs, m.RecordId, m.DonationId, m.DocumentId, m.Document, m.Line, m.Sentence))
            .ToList();
    }

    /// <summary>
    /// The organization a person means by an id or a name it is known by (吴庆和, an alias, a part of
    /// a name): found, unknown, or one of several (the first ten of them).
    /// </summary>
    public NamedOrganization Find(string idOrName)
    {
        var value = idOrName.Trim();
        if (long.TryParse(value, out var id)) return ById(id) is not null ? new NamedOrganization.Found(id) : new NamedOrganization.Unknown(value);
        if (Named(value) is { } named) return new NamedOrganization.Found(named.Id);
        var found = Search(value, limit: NamedOrganization.Candidates + 1);
        return found.Count switch
        {
            0 => new NamedOrganization.Unknown(value),
            1 => new NamedOrganization.Found(found[0].Id),
            _ => new NamedOrganization.Several(value, found.Take(NamedOrganization.Candidates).ToList(), found.Count > NamedOrganization.Candidates),
        };
    }

    public Organization? Named(string name)
    {
        using var connection = database.Connect();
        var id = connection.QueryFirstOrDefault<long?>("SELECT organization_id FROM names WHERE name = @name", new { name })
                 ?? connection.QueryFirstOrDefault<long?>("SELECT id FROM organizations WHERE name = @name", new { name });
        return id is { } found ? Get(connection, found) : null;
    }

    /// <summary>
    /// Takes <paramref name="name"/> as another name of the organization named <paramref name="organization"/>,
    /// or says why not: no organization of that name, or no one saying who decided and why.
    /// </summary>
    public DecisionOutcome Alias(string name, string organization, string who, string why)
    {
        if (NameDecision.Refusal(who, why) is { } refused) return new DecisionOutcome.Refused(refused);
        using var connection = database.Connect();
        using var transaction = database.BeginWrite(connection);
        var target = connection.QueryFirstOrDefault<long?>("SELECT organization_id FROM names WHERE name = @organization", new { organization }, transaction)
                     ?? connection.QueryFirstOrDefault<long?>("SELECT id FROM organizations WHERE name = @organization", new { organization }, transaction);
        if (target is not { } found) return new DecisionOutcome.NoSuchOrganization(organization);
        var decision = new NameDecision(NameDecision.Alias, organization, who, why);
        Decide(connection, transaction, name, decision);
        Relink(connection, transaction, name, found, decision.Reason);
        transaction.Commit();
        return new DecisionOutcome.Decided(Get(connection, found));
    }

    /// <summary>
    /// Takes <paramref name="name"/> as an organization of its own, whatever the rules had merged it
    /// with, or says why not: no one saying who decided and why.
    /// </summary>
    public DecisionOutcome Split(string name, string who, string why)
    {
        if (NameDecision.Refusal(who, why) is { } refused) return new DecisionOutcome.Refused(refused);
        using var connection = database.Connect();
        using var transaction = database.BeginWrite(connection);
        var kind = connection.QueryFirstOrDefault<string>(
            "SELECT o.kind FROM names n JOIN organizations o ON o.id = n.organization_id WHERE n.name = @name", new { name }, transaction) ?? "unknown";
        var own = connection.QueryFirstOrDefault<long?>("SELECT id FROM organizations WHERE name = @name", new { name }, transaction)
                  // Numbered by the writer holding the write lock, as ingestion numbers them (Statements.NextId).
                  ?? connection.ExecuteScalar<long>(
                      "INSERT INTO organizations (id, name, kind) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM organizations), @name, @kind) RETURNING id",
                      new { name, kind }, transaction);
        var decision = new NameDecision(NameDecision.Split, null, who, why);
        Decide(connection, transaction, name, decision);
        Relink(connection, transaction, name, own, decision.Reason);
        transaction.Commit();
        return new DecisionOutcome.Decided(Get(connection, own));
    }

    private static void Decide(DbConnection connection, DbTransaction transaction, string name, NameDecision decision)
    {
        connection.Execute("""
            INSERT INTO name_decisions (name, organization_name, decision, who, why, decided_at)
            VALUES (@name, @Organization, @Decision, @Who, @Why, @at)
            """, new { name, decision.Organization, decision.Decision, decision.Who, decision.Why, at = LedgerDatabase.Now() }, transaction);
    }

    // The name now stands for the chosen organization: in the names, the records written with it,
    // the receivers, and the donations whose reports all name the giver so (NameDecision.Moves).
    private static void Relink(DbConnection connection, DbTransaction transaction,
        string name, long organization, string reason)
    {
        connection.Execute("""
            INSERT INTO names (name, organization_id, reason) VALUES (@name, @organization, @reason)
            ON CONFLICT (name) DO UPDATE SET organization_id = excluded.organization_id, reason = excluded.reason
            """, new { name, organization, reason }, transaction);
        var touched = connection.Query<long>(
            "SELECT DISTINCT d.donor_id FROM donations d JOIN records r ON r.donation_id = d.id WHERE r.donor = @name", new { name }, transaction).ToList();
        touched.Add(organization);
        connection.Execute("UPDATE records SET organization_id = @organization WHERE donor = @name", new { name, organization }, transaction);
        connection.Execute("""
            UPDATE donations SET donor_id = @organization
            WHERE id IN (SELECT donation_id FROM records WHERE donor = @name)
              AND NOT EXISTS (SELECT 1 FROM records r WHERE r.donation_id = donations.id AND r.donor <> @name)
            """, new { name, organization }, transaction);
        connection.Execute("UPDATE record_recipients SET organization_id = @organization WHERE name = @name", new { name, organization }, transaction);
        // The receivers of a donation whose reports wrote the name are what its reports name now: the
        // organization the name stood for before is no longer one of them (unless another name says so).
        connection.Execute("""
            DELETE FROM donation_recipients WHERE donation_id IN
                (SELECT r.donation_id FROM record_recipients rr JOIN records r ON r.id = rr.record_id WHERE rr.name = @name);
            INSERT INTO donation_recipients (donation_id, organization_id)
            SELECT DISTINCT r.donation_id, rr.organization_id FROM record_recipients rr JOIN records r ON r.id = rr.record_id
            WHERE r.donation_id IN (SELECT r.donation_id FROM record_recipients rr JOIN records r ON r.id = rr.record_id WHERE rr.name = @name)
            ON CONFLICT DO NOTHING;
            """, new { name }, transaction);
        DonorTotals.Refresh(connection, transaction, touched);
    }

    private static Organization Get(DbConnection connection, long id)
    {
        var (name, kind) = connection.QuerySingle<(string, string)>("SELECT name, kind FROM organizations WHERE id = @id", new { id });
        var names = connection.Query<(string Name, string Reason)>("SELECT name, reason FROM names WHERE organization_id = @id ORDER BY name", new { id })
            .Select(n => new OrganizationName(n.Name, n.Reason)).ToList();
        return new Organization(id, name, kind, names);
    }
}

/// <summary>
/// What a person's decision on a name did: the organization the name now stands for, no organization
/// of the name it was to join (an alias only), or why it was refused.
/// </summary>
public abstract record DecisionOutcome
{
    public sealed record Decided(Organization Organization) : DecisionOutcome;

    public sealed record NoSuchOrganization(string Name) : DecisionOutcome;

    public sealed record Refused(string Reason) : DecisionOutcome;
}

/// <summary>What an id or a name finds among the organizations.</summary>
public abstract record NamedOrganization
{
    /// <summary>How many of several organizations a name answers to are named back.</summary>
    public const int Candidates = 10;

    public sealed record Found(long Id) : NamedOrganization;

    public sealed record Unknown(string Name) : NamedOrganization;

    /// <param name="More">More organizations answer to the name than are listed.</param>
    public sealed record Several(string Name, IReadOnlyList<OrganizationRef> Organizations, bool More) : NamedOrganization
    {
        public override string ToString() =>
            $"'{Name}' names {(More ? $"more than {Organizations.Count}" : Organizations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} organizations; give one's id: "
            + string.Join("; ", Organizations.Select(o => $"{o.Id} {o.Name}")) + ".";
    }
}
