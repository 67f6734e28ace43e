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
        Statements = new Statements(connection, transaction);
        Names = new OrganizationNames(connection, transaction, Statements);
        Donations = new DonationJoiner(Statements, id => Names.CreatedHere(id));
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public Statements Statements { get; }
    public OrganizationNames Names { get; private set; }
    public DonationJoiner Donations { get; private set; }
    public HashSet<long> Touched { get; } = [];

    /// <summary>
    /// Forgets the names and donations learned so far, after a document was rolled back (what it
    /// taught is gone from the ledger) or replaced (its donations may have stopped counting).
    /// </summary>
    public void Forget()
    {
        Names = new OrganizationNames(Connection, Transaction, Statements);
        Donations = new DonationJoiner(Statements, id => Names.CreatedHere(id));
    }

    public void Dispose() => Statements.Dispose();
}
