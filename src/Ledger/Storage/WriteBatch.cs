using System.Data.Common;

namespace Ledger.Storage;

/// <summary>
/// What the documents of one write transaction share: the names resolved so far, the statements
/// prepared, each giver's donations as read and placed, and the givers whose totals must be kept
/// up to date when the transaction ends. Many reports in one transaction read a giver once, not once each.
/// </summary>
internal sealed class WriteBatch : IDisposable
{
    public WriteBatch(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
        Statements = new Statements(connection, transaction, rowsInBackground: true);
        Names = new OrganizationNames(Statements);
        Donations = new DonationJoiner(Statements, Givers, id => Names.CreatedHere(id));
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public Statements Statements { get; }
    public OrganizationNames Names { get; private set; }
    public DonationJoiner Donations { get; private set; }
    /// <summary>What the transaction did to each giver's totals, for <see cref="Finish"/> to keep up to date.</summary>
    public GiverChanges Givers { get; } = new();

    /// <summary>Each document's text (by its SHA-256) and each current document (by name), as stored before this transaction and written by it.</summary>
    public Dictionary<string, long>? KnownTexts { get; private set; }

    public Dictionary<string, long>? CurrentDocuments { get; private set; }

    /// <summary>Looks up, in a few queries, which of the texts are stored and which of the names have a current document.</summary>
    public void PreloadDocuments(IReadOnlyCollection<(string Name, string Sha)> documents)
    {
        KnownTexts = new(StringComparer.Ordinal);
        CurrentDocuments = new(StringComparer.Ordinal);
        using (var rows = Statements.RowsMatching("SELECT sha256, id FROM documents WHERE sha256 IN (SELECT value FROM {values})",
                   documents.Where(d => d.Sha.Length > 0).Select(d => d.Sha).Distinct(StringComparer.Ordinal).ToList()))
            while (rows.Read()) KnownTexts[rows.GetString(0)] = rows.GetInt64(1);
        using (var rows = Statements.RowsMatching("SELECT name, id FROM documents WHERE replaced_by IS NULL AND name IN (SELECT value FROM {values})",
                   documents.Select(d => d.Name).Distinct(StringComparer.Ordinal).ToList()))
            while (rows.Read()) CurrentDocuments[rows.GetString(0)] = rows.GetInt64(1);
    }

    /// <summary>Writes what waits, and brings the totals kept of the givers the transaction changed up to date: last, before the commit.</summary>
    public void Finish()
    {
        Statements.Flush();
        DonorTotals.Refresh(Connection, Transaction, Givers);
    }

    /// <summary>
    /// Forgets the names and donations learned so far, after a document was rolled back (what it
    /// taught is gone from the ledger) or replaced (its donations may have stopped counting).
    /// </summary>
    public void Forget()
    {
        Names = new OrganizationNames(Statements);
        Donations = new DonationJoiner(Statements, Givers, id => Names.CreatedHere(id));
    }

    public void Dispose() => Statements.Dispose();
}
