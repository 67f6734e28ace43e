using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>
/// The ledger's rules over memory instead of a database: a report's text read into records, its names
/// resolved (<see cref="Naming"/>), its gifts joined with the reports before (<see cref="GiftBook"/>),
/// and each giver's totals kept gift by gift (<see cref="Sums"/>). It decides what the stored ledger
/// decides, with nothing to open or install, so the rules can be tested without a database and the
/// stored ledger held to them. Documents are only added here: replacing one, corrections and a
/// person's decisions on names are the stored ledger's.
/// </summary>
public sealed class MemoryLedger : INameFacts
{
    private readonly DonationExtractor _extractor;
    private readonly Dictionary<string, long> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _organizationNames = [];
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly GiftBook _gifts = new();
    private readonly Dictionary<long, TotalsRow> _totals = [];
    private long _lastDocument, _lastOrganization, _lastDonation;

    public MemoryLedger(DonationExtractor? extractor = null) => _extractor = extractor ?? DonationExtractor.Default;

    /// <summary>Reads a report and adds its gifts; the same text again adds nothing.</summary>
    /// <returns>How many of its gifts were new donations, and how many joined one held before.</returns>
    public (int New, int Joined) Ingest(string name, string text, int? year = null)
    {
        if (!_texts.Add(text)) return (0, 0);
        var document = ++_lastDocument;
        var extracted = _extractor.ExtractDocument(text, name, new ExtractionOptions { Year = year });
        var city = extracted.City;
        int created = 0, joined = 0;
        foreach (var record in extracted.Records)
        {
            long? donor = record.Donor is null ? null : Resolve(record.Donor, record.DonorKind, city);
            var recipients = record.RecipientsWithKinds.Select(r => Resolve(r.Name, r.Kind, city)).ToList();
            if (record.Via is { } via) Resolve(via, record.ViaKind, city);
            // A gift with no giver, or with no figure that can be counted, is no donation.
            if (donor is not { } giver || record.Optional) continue;
            if (!_gifts.Holds(giver)) _gifts.Open(giver);
            var (cash, goods, combined) = (Figure.Fen(record.Cash), Figure.Fen(record.GoodsValue), Figure.Fen(record.Combined));
            var placement = _gifts.Place(giver, new GiftReport(document, record.Line, record.Aggregate, cash, goods, combined,
                record.Date?.ToString("yyyy-MM-dd"), record.Items, recipients), () => ++_lastDonation);
            var totals = _totals.GetValueOrDefault(giver) ?? Sums.Empty(giver.ToString(System.Globalization.CultureInfo.InvariantCulture), NameOf(giver));
            if (placement is Placement.Joined)
            {
                _totals[giver] = Sums.Plus(totals, [null]);
                joined++;
                continue;
            }
            _totals[giver] = Sums.Plus(totals, CountedGift.Of(record));
            created++;
        }
        return (created, joined);
    }

    /// <summary>Every giver's totals, most given first, then most reported, then by name, as the stored ledger orders them.</summary>
    public IReadOnlyList<TotalsRow> TotalsByDonor() => _totals.Values.Order(Sums.Order).ToList();

    /// <summary>The organizations (and people) named so far, by the name each was created with.</summary>
    public IReadOnlyCollection<string> Organizations => _organizations.Keys;

    public long? Known(string name) => _names.TryGetValue(name, out var id) ? id : null;

    public long? OrganizationNamed(string name) => _organizations.TryGetValue(name, out var id) ? id : null;

    public NameDecision? Decision(string name) => null;

    private long Resolve(string name, DonorKind kind, string? city)
    {
        name = name.Trim();
        if (Known(name) is { } seen) return seen;
        var resolution = Naming.Resolve(name, kind, city, this, DonorNames.KindOf);
        var id = resolution switch
        {
            NameResolution.Known known => known.Id,
            NameResolution.New created => Create(created.FullName),
            _ => throw new InvalidOperationException($"unexpected {resolution}"),
        };
        _names[name] = id;
        return id;
    }

    // A new organization is known by its full form too (市红十字会 → 哈尔滨市红十字会).
    private long Create(string fullName)
    {
        var id = ++_lastOrganization;
        _organizations[fullName] = id;
        _organizationNames[id] = fullName;
        _names.TryAdd(fullName, id);
        return id;
    }

    private string NameOf(long organization) => _organizationNames[organization];
}
