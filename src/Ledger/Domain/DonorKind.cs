namespace Ledger.Domain;

/// <summary>What kind of giver a donor is, as in the extraction spec.</summary>
public enum DonorKind
{
    Unknown,
    Person,
    Company,
    Government,
    PartyOrg,
    DemocraticParty,
    Cppcc,
    Association,
    Charity,
    Hospital,
    School,
    MilitaryPolice,
    Religious,
    Foreign,
    Group,
}
