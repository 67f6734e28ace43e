using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>A donation as the ledger in memory holds it: its giver, its figures as reported and as corrected, and how many reports count it.</summary>
public sealed record MemoryDonation(long Id, string Giver, bool Aggregate, GiftFigures Original, GiftFigures Now, int Sources);

/// <summary>
/// The ledger's rules over memory instead of a database: a report's text read into records, its names
/// resolved (<see cref="Naming"/>), its gifts joined with the reports before (<see cref="GiftBook"/>),
/// and each giver's totals kept gift by gift (<see cref="Sums"/>). A changed document of the same name
/// replaces the earlier one, whose reports stop counting; corrections are appended and read at their
/// latest (<see cref="CorrectedFigures"/>); a person's decision on a name moves what was written with it
/// (<see cref="NameDecision"/>) and wins over the rules for every later report. A giver whose donations
/// changed other than by adding is counted afresh. It decides what the stored ledger decides, with
/// nothing to open or install, so the rules can be tested without a database and the stored ledger
/// held to them. Re-extraction and gifts entered by hand are the stored ledger's alone.
/// </summary>
public sealed class MemoryLedger : INameFacts
{
    private readonly DonationExtractor _extractor;
    private readonly Dictionary<string, (long Id, string Reason)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string Name, string Kind)> _organizationOf = [];
    private readonly Dictionary<string, NameDecision> _decisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _currentDocuments = new(StringComparer.Ordinal);
    private readonly HashSet<long> _replaced = [];
    private readonly SortedDictionary<long, Donation> _donations = [];
    private readonly Dictionary<long, TotalsRow> _totals = [];
    private GiftBook _gifts = new();
    private long _lastDocument, _lastOrganization, _lastDonation, _lastCorrection;

    /// <summary>A donation and every report of it, in documents current or replaced.</summary>
    private sealed class Donation(long id, long giver, CountedGift gift, HeldDonation held)
    {
        public long Id { get; } = id;
        public long Giver { get; set; } = giver;

        /// <summary>As its first report states it; the figures as corrected are read through <see cref="CorrectedFigures"/>.</summary>
        public CountedGift Gift { get; } = gift;

        /// <summary>What new reports of the giver are compared with: the figures as reported, the date and receivers its reports give.</summary>
        public HeldDonation Held { get; } = held;

        public List<Report> Reports { get; } = [];
        public List<FigureCorrection> Corrections { get; } = [];

        public GiftFigures Original => new(Gift.CashFen, Gift.GoodsFen, Gift.CombinedFen);

        public GiftFigures Now => CorrectedFigures.Of(Original, Corrections);

        /// <summary>As it counts now: its figures at their latest correction.</summary>
        public CountedGift Counted => Gift with { CashFen = Now.CashFen, GoodsFen = Now.GoodsFen, CombinedFen = Now.CombinedFen };
    }

    /// <summary>A record placed in a donation: its document, its giver and receivers as written, and the organizations they stand for.</summary>
    private sealed record Report(long Document, string Giver, List<(string Name, long Id)> Recipients);

    public MemoryLedger(DonationExtractor? extractor = null) => _extractor = extractor ?? DonationExtractor.Default;

    /// <summary>
    /// Reads a report and adds its gifts; the same text again adds nothing. A changed text under the
    /// name of a current document replaces it: the earlier version's reports no longer count.
    /// </summary>
    /// <returns>How many of its gifts were new donations, and how many joined one held before.</returns>
    public (int New, int Joined) Ingest(string name, string text, int? year = null)
    {
        if (!_texts.Add(text)) return (0, 0);
        var document = ++_lastDocument;
        var recount = new HashSet<long>();
        if (_currentDocuments.TryGetValue(name, out var earlier)) recount.UnionWith(Replace(earlier));
        _currentDocuments[name] = document;
        var extracted = _extractor.ExtractDocument(text, name, new ExtractionOptions { Year = year });
        var city = extracted.City;
        int created = 0, joined = 0;
        foreach (var record in extracted.Records)
        {
            long? donor = record.Donor is null ? null : Resolve(record.Donor, record.DonorKind, city);
            var recipients = record.RecipientsWithKinds.Select(r => (r.Name, Id: Resolve(r.Name, r.Kind, city))).ToList();
            if (record.Via is { } via) Resolve(via, record.ViaKind, city);
            // A gift with no giver, or with no figure that can be counted, is no donation.
            if (donor is not { } giver || record.Optional) continue;
            if (!_gifts.Holds(giver)) _gifts.Open(giver);
            var (cash, goods, combined) = (Figure.Fen(record.Cash), Figure.Fen(record.GoodsValue), Figure.Fen(record.Combined));
            var placement = _gifts.Place(giver, new GiftReport(document, record.Line, record.Aggregate, cash, goods, combined,
                record.Date?.ToString("yyyy-MM-dd"), record.Items, recipients.Select(r => r.Id).ToList()), () => ++_lastDonation);
            var totals = _totals.GetValueOrDefault(giver) ?? Sums.Empty(Key(giver), NameOf(giver));
            if (placement is Placement.Joined)
            {
                _donations[placement.Donation.Id].Reports.Add(new Report(document, record.Donor!, recipients));
                _totals[giver] = Sums.Plus(totals, [null]);
                joined++;
                continue;
            }
            var gift = CountedGift.Of(record);
            _donations[placement.Donation.Id] = new Donation(placement.Donation.Id, giver, gift, placement.Donation)
            {
                Reports = { new Report(document, record.Donor!, recipients) },
            };
            _totals[giver] = Sums.Plus(totals, gift);
            created++;
        }
        foreach (var giver in recount) Recount(giver);
        return (created, joined);
    }

    /// <summary>
    /// Appends a correction (<paramref name="yuan"/> null clears the figure), or says why not, as
    /// <see cref="Corrections.Add"/> does: no such donation, a field that cannot be corrected, or no one saying who made it and why.
    /// </summary>
    public CorrectionOutcome Correct(long donationId, string field, decimal? yuan, string who, string why)
    {
        if (CorrectedFigures.Refusal(field, yuan, who, why) is { } reason) return new CorrectionOutcome.Refused(reason);
        if (!_donations.TryGetValue(donationId, out var donation)) return new CorrectionOutcome.NoSuchDonation();
        var fen = CorrectedFigures.Fen(yuan);
        donation.Corrections.Add(new FigureCorrection(field, fen));
        Recount(donation.Giver);
        return new CorrectionOutcome.Corrected(new Correction(++_lastCorrection, donationId, field, Fen.Yuan(fen), who, why,
            LedgerDatabase.Now()));
    }

    /// <summary>
    /// Takes <paramref name="name"/> as another name of the organization named (or known as)
    /// <paramref name="organization"/>, as <see cref="Ledger.Storage.Organizations.Alias"/> does; or says why not.
    /// </summary>
    public DecisionOutcome Alias(string name, string organization, string who, string why)
    {
        if (NameDecision.Refusal(who, why) is { } refused) return new DecisionOutcome.Refused(refused);
        if ((Known(organization) ?? OrganizationNamed(organization)) is not { } target) return new DecisionOutcome.NoSuchOrganization(organization);
        Decide(name, new NameDecision(NameDecision.Alias, organization, who, why), target);
        return new DecisionOutcome.Decided(OrganizationOf(target));
    }

    /// <summary>Takes <paramref name="name"/> as an organization of its own, as <see cref="Ledger.Storage.Organizations.Split"/> does; or says why not.</summary>
    public DecisionOutcome Split(string name, string who, string why)
    {
        if (NameDecision.Refusal(who, why) is { } refused) return new DecisionOutcome.Refused(refused);
        var own = OrganizationNamed(name) ?? Create(name, Known(name) is { } merged ? _organizationOf[merged].Kind : "unknown");
        Decide(name, new NameDecision(NameDecision.Split, null, who, why), own);
        return new DecisionOutcome.Decided(OrganizationOf(own));
    }

    /// <summary>Every giver's totals, most given first, then most reported, then by name, as the stored ledger orders them.</summary>
    public IReadOnlyList<TotalsRow> TotalsByDonor() => _totals.Values.Order(Sums.Order).ToList();

    /// <summary>The donations that count (a report of theirs is in a current document), in the order they were first reported.</summary>
    public IReadOnlyList<MemoryDonation> Donations() =>
        _donations.Values.Select(d => (Donation: d, Sources: Sources(d))).Where(d => d.Sources > 0)
            .Select(d => new MemoryDonation(d.Donation.Id, NameOf(d.Donation.Giver), d.Donation.Gift.Aggregate, d.Donation.Original, d.Donation.Now, d.Sources))
            .ToList();

    public long? Known(string name) => _names.TryGetValue(name, out var known) ? known.Id : null;

    public long? OrganizationNamed(string name) => _organizations.TryGetValue(name, out var id) ? id : null;

    public NameDecision? Decision(string name) => _decisions.GetValueOrDefault(name);

    // The earlier version stays as history; its reports stop counting, and the givers it reported are counted afresh.
    private HashSet<long> Replace(long earlier)
    {
        _replaced.Add(earlier);
        var touched = _donations.Values.Where(d => d.Reports.Any(r => r.Document == earlier)).Select(d => d.Giver).ToHashSet();
        Rebook();
        return touched;
    }

    // A donation counts while a report of it is in a current document.
    private int Sources(Donation donation) => donation.Reports.Count(r => !_replaced.Contains(r.Document));

    /// <summary>
    /// The name now stands for the chosen organization, for every later report and for what was written
    /// with it: its receivers, and the donations whose every report wrote the giver so (<see cref="NameDecision.Moves"/>).
    /// </summary>
    private void Decide(string name, NameDecision decision, long organization)
    {
        _decisions[name] = decision;
        _names[name] = (organization, decision.Reason);
        var touched = new HashSet<long> { organization };
        foreach (var donation in _donations.Values)
        {
            if (donation.Reports.Any(r => r.Giver == name))
            {
                touched.Add(donation.Giver);
                if (NameDecision.Moves(name, donation.Reports.Select(r => r.Giver))) donation.Giver = organization;
            }
            if (!donation.Reports.Any(r => r.Recipients.Any(to => to.Name == name))) continue;
            // Its receivers are those its reports name now: the organization the name stood for before is no longer one (unless another name says so).
            foreach (var report in donation.Reports)
                for (var i = 0; i < report.Recipients.Count; i++)
                    if (report.Recipients[i].Name == name) report.Recipients[i] = (name, organization);
            donation.Held.Recipients.Clear();
            donation.Held.Recipients.UnionWith(donation.Reports.SelectMany(r => r.Recipients.Select(to => to.Id)));
        }
        Rebook();
        foreach (var giver in touched) Recount(giver);
    }

    // The gift book holds each giver's donations that count, as the stored ledger reads them for the next report.
    private void Rebook()
    {
        _gifts = new GiftBook();
        foreach (var donation in _donations.Values.Where(d => Sources(d) > 0))
        {
            if (!_gifts.Holds(donation.Giver)) _gifts.Open(donation.Giver);
            _gifts.Hold(donation.Giver, donation.Gift.Aggregate, donation.Held);
        }
    }

    // A giver with no donation that counts (any longer) has no totals.
    private void Recount(long giver)
    {
        var counted = _donations.Values.Where(d => d.Giver == giver).Select(d => (Donation: d, Reports: Sources(d))).Where(d => d.Reports > 0).ToList();
        if (counted.Count == 0) _totals.Remove(giver);
        else _totals[giver] = Sums.Plus(Sums.Empty(Key(giver), NameOf(giver)), counted.SelectMany(d => Sums.Reported(d.Donation.Counted, d.Reports)));
    }

    private long Resolve(string name, DonorKind kind, string? city)
    {
        name = name.Trim();
        if (Known(name) is { } seen) return seen;
        var resolution = Naming.Resolve(name, kind, city, this, DonorNames.KindOf);
        var id = resolution switch
        {
            NameResolution.Known known => known.Id,
            NameResolution.New created => Create(created.FullName, Vocabulary.Snake(created.Kind)),
            _ => throw new InvalidOperationException($"unexpected {resolution}"),
        };
        // A new organization is known by its full form too (市红十字会 → 哈尔滨市红十字会); a name keeps the first reason it was known by.
        if (resolution is NameResolution.New { FullName: var full } && full != name) _names.TryAdd(full, (id, "full form"));
        _names.TryAdd(name, (id, resolution.Reason));
        return id;
    }

    private long Create(string fullName, string kind)
    {
        var id = ++_lastOrganization;
        _organizations[fullName] = id;
        _organizationOf[id] = (fullName, kind);
        return id;
    }

    private Organization OrganizationOf(long id) => new(id, _organizationOf[id].Name, _organizationOf[id].Kind,
        _names.Where(n => n.Value.Id == id).OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new OrganizationName(n.Key, n.Value.Reason)).ToList());

    private string NameOf(long organization) => _organizationOf[organization].Name;

    private static string Key(long organization) => organization.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
