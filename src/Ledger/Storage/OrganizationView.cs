using Ledger.Domain;
using System.Globalization;

namespace Ledger.Storage;

/// <summary>
/// An organization (or person) with its names, what it gave and what it received: the question users
/// ask first, answered the same by the API (GET /organizations/{id or name}) and by `ledger show`.
/// </summary>
/// <param name="Id">The organization's id.</param>
/// <param name="Name">Its name in the ledger (the full form where one is known).</param>
/// <param name="Kind">person, company, charity, hospital, government…</param>
/// <param name="Names">Every name it was written as, and why the ledger takes it to be this organization.</param>
/// <param name="Given">Totals of its gifts; null when it gave nothing.</param>
/// <param name="Received">Totals of gifts to it alone; null when it received none.</param>
/// <param name="ReceivedShared">Gifts stated for it together with other receivers, with no split: one group for each set of receivers, counted once for all of them.</param>
/// <param name="Gifts">Each gift it made, with its figures, receivers and first sentence (the largest 500 first; a donation's sources are one call away).</param>
/// <param name="ReportedTotals">The totals reports state over its gifts (累计, 共…), beside them and never added to them.</param>
/// <param name="GiftsReceived">Each gift made to it, the largest 500 first.</param>
public sealed record OrganizationView(long Id, string Name, string Kind, IReadOnlyList<OrganizationName> Names, TotalsRow? Given, TotalsRow? Received,
    IReadOnlyList<TotalsRow> ReceivedShared,
    IReadOnlyList<DonationSummary> Gifts, IReadOnlyList<DonationSummary> ReportedTotals, IReadOnlyList<DonationSummary> GiftsReceived)
{
    /// <summary>The page of organization <paramref name="id"/>; null when there is no such organization.</summary>
    public static OrganizationView? Of(long id, Organizations organizations, Totals totals, Donations donations)
    {
        if (organizations.ById(id) is not { } found) return null;
        var key = id.ToString(CultureInfo.InvariantCulture);
        var given = totals.By(TotalsGroup.Donor, new TotalsFilter { Organization = id }).FirstOrDefault();
        var received = totals.By(TotalsGroup.Recipient, new TotalsFilter { Recipient = id });
        IReadOnlyList<DonationSummary> Largest(DonationQuery query) =>
            donations.Find(query with { Order = DonationOrder.AmountDescending, Limit = Donations.MaximumLimit }).Donations;
        return new OrganizationView(found.Id, found.Name, found.Kind, found.Names, given,
            received.FirstOrDefault(r => r.Key == key), received.Where(r => r.SharedAmong is not null).ToList(),
            Largest(new DonationQuery { Donor = id, Aggregate = false }), Largest(new DonationQuery { Donor = id, Aggregate = true }),
            Largest(new DonationQuery { Recipient = id }));
    }
}
