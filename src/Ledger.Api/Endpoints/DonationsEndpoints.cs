using System.Globalization;
using System.Text;
using FluentValidation;
using Ledger.Api.Http;
using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

/// <summary>Which donations to list, in what order, and from where.</summary>
public sealed class DonationListQuery
{
    /// <summary>Only gifts of this giver: an organization's id, or a name or alias it is known by.</summary>
    /// <example>吴庆和</example>
    [FromQuery(Name = "donor")] public string? Donor { get; set; }

    /// <summary>Only gifts to this receiver: an organization's id, or a name or alias it is known by.</summary>
    [FromQuery(Name = "recipient")] public string? Recipient { get; set; }

    /// <summary>Only gifts with goods of this category.</summary>
    /// <example>mask</example>
    [FromQuery(Name = "category")] public string? Category { get; set; }

    /// <summary>First date (yyyy-MM-dd): the gift's, or its report's month when it has none.</summary>
    [FromQuery(Name = "from")] public string? From { get; set; }

    /// <summary>Last date (yyyy-MM-dd).</summary>
    [FromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>Only gifts reported in this document: its id or its name.</summary>
    [FromQuery(Name = "document")] public string? Document { get; set; }

    /// <summary>true: only gifts with neither a date nor a report month, which no date window holds; false: only the others.</summary>
    [FromQuery(Name = "undated")] public bool? Undated { get; set; }

    /// <summary>true: only reported totals (累计, 共…); false: only itemised gifts.</summary>
    [FromQuery(Name = "aggregate")] public bool? Aggregate { get; set; }

    /// <summary>Least value in yuan (cash, goods value and combined figure together).</summary>
    /// <example>10000</example>
    [FromQuery(Name = "min_amount")] public decimal? MinAmount { get; set; }

    /// <summary>Words the giver's name or a source sentence contains.</summary>
    /// <example>口罩</example>
    [FromQuery(Name = "q")] public string? Text { get; set; }

    /// <summary>date (default), -date, amount, -amount or id.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    /// <summary>Donations a page (1–500, default 50). The X-Total-Count header says how many the filters select in all.</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; set; }

    /// <summary>The next_cursor of the previous page.</summary>
    [FromQuery(Name = "cursor")] public string? Cursor { get; set; }
}

/// <summary>A page of donations; ask again with <c>cursor=next_cursor</c> for the next one.</summary>
/// <param name="Donations">The donations of this page.</param>
/// <param name="NextCursor">The cursor of the next page; null on the last page.</param>
public sealed record DonationList(IReadOnlyList<DonationSummary> Donations, string? NextCursor);

/// <summary>A figure entered by hand.</summary>
public sealed record AmountEntry
{
    /// <summary>Yuan, more than 0.</summary>
    /// <example>50000</example>
    public decimal Yuan { get; init; }

    /// <summary>exact (default), at_least (余, 多), at_most (不超过) or about (近, 约).</summary>
    /// <example>exact</example>
    public string Qualifier { get; init; } = "exact";
}

/// <summary>Goods entered by hand.</summary>
public sealed record ItemEntry
{
    /// <summary>mask, protective_suit, goggles, disinfectant, alcohol, food…</summary>
    /// <example>mask</example>
    public string Category { get; init; } = "";

    /// <summary>The goods as the statement names them.</summary>
    /// <example>医用外科口罩</example>
    public string Name { get; init; } = "";

    /// <summary>How many, counted in the unit; null when the statement gives no number.</summary>
    /// <example>35000</example>
    public decimal? Quantity { get; init; }

    /// <summary>The measure word (只, 套, 箱, 瓶, 吨…); needed with a quantity.</summary>
    /// <example>只</example>
    public string? Unit { get; init; }

    /// <summary>exact (default), at_least, at_most or about.</summary>
    public string Qualifier { get; init; } = "exact";
}

/// <summary>A gift entered by hand, from a statement a person can show (a receipt, a notice, a sentence of a report).</summary>
public sealed record DonationEntry
{
    /// <summary>The giver, as the statement names it.</summary>
    /// <example>赵国良</example>
    public string Donor { get; init; } = "";

    /// <summary>The giver's kind (person, company, charity…); left out, the name decides.</summary>
    /// <example>person</example>
    public string? DonorKind { get; init; }

    /// <summary>The receivers, as the statement names them.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Cash given.</summary>
    public AmountEntry? Cash { get; init; }

    /// <summary>Declared value of the goods given.</summary>
    public AmountEntry? GoodsValue { get; init; }

    /// <summary>One figure covering cash and goods together (款物).</summary>
    public AmountEntry? Combined { get; init; }

    /// <summary>Goods given.</summary>
    public IReadOnlyList<ItemEntry> Items { get; init; } = [];

    /// <summary>The day of the gift (yyyy-MM-dd), when the statement says.</summary>
    /// <example>2020-02-03</example>
    public string? Date { get; init; }

    /// <summary>Whether the figure is a reported total over several gifts.</summary>
    public bool Aggregate { get; init; }

    /// <summary>The statement the gift is entered from: its evidence, shown as its sentence.</summary>
    /// <example>收据第0012号：赵国良捐赠价值5万元的消毒液。</example>
    public string Statement { get; init; } = "";

    /// <summary>Who enters it.</summary>
    /// <example>auditor Li</example>
    public string EnteredBy { get; init; } = "";

    internal HandEntry ToHandEntry() => new()
    {
        Donor = Donor,
        DonorKind = DonorKind is null ? Domain.DonorKind.Unknown : Vocabulary.DonorKinds[DonorKind],
        Recipients = Recipients,
        Cash = FigureOf(Cash),
        GoodsValue = FigureOf(GoodsValue),
        Combined = FigureOf(Combined),
        Items = Items.Select(i => new DonatedItem(Vocabulary.Categories[i.Category], i.Name.Trim(),
            i.Quantity is { } q ? Figure.Exact(q).WithQualifier(Vocabulary.Qualifiers[i.Qualifier]) : null, i.Unit)).ToList(),
        Date = Date is null ? null : DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Aggregate = Aggregate,
        Statement = Statement,
        EnteredBy = EnteredBy,
    };

    private static Figure? FigureOf(AmountEntry? amount) =>
        amount is null ? null : Figure.Exact(amount.Yuan).WithQualifier(Vocabulary.Qualifiers[amount.Qualifier]);
}

/// <summary>A correction of one figure of a donation. The original and every earlier correction stay.</summary>
public sealed record CorrectionRequest
{
    /// <summary>cash, goods_value or combined.</summary>
    /// <example>cash</example>
    public string Field { get; init; } = "";

    /// <summary>The right figure in yuan; null removes the figure.</summary>
    /// <example>250000</example>
    public decimal? Yuan { get; init; }

    /// <summary>Who corrects it.</summary>
    /// <example>auditor Li</example>
    public string Who { get; init; } = "";

    /// <summary>Why: what the correction rests on.</summary>
    /// <example>The foundation's receipt says 250,000 yuan.</example>
    public string Why { get; init; } = "";
}

internal sealed class AmountEntryValidator : AbstractValidator<AmountEntry>
{
    public AmountEntryValidator()
    {
        RuleFor(a => a.Yuan).GreaterThan(0).WithMessage("A figure is more than 0 yuan.")
            .LessThanOrEqualTo(Limits.MostYuan).WithMessage("More than a trillion yuan is not a figure of one gift.")
            .Must(Limits.IsWholeFen).WithMessage("Money is stated to the fen (0.01 yuan) at most: the ledger keeps whole fen.");
        RuleFor(a => a.Qualifier).Must(q => q is not null && Vocabulary.Qualifiers.ContainsKey(q))
            .WithMessage(a => Words.NotOne(a.Qualifier, Words.Qualifier, Vocabulary.Qualifiers));
    }
}

internal sealed class ItemEntryValidator : AbstractValidator<ItemEntry>
{
    public ItemEntryValidator()
    {
        RuleFor(i => i.Category).Must(c => c is not null && Vocabulary.Categories.ContainsKey(c))
            .WithMessage(i => Words.NotOne(i.Category, Words.Category, Vocabulary.Categories));
        RuleFor(i => i.Name).NotEmpty().MaximumLength(Limits.MaximumName).Must(Limits.IsPlainName).WithMessage(i => $"{Limits.HiddenMessage} ({Limits.FirstHidden(i.Name)}).");
        RuleFor(i => i.Quantity).GreaterThan(0).LessThanOrEqualTo(Limits.MostQuantity).When(i => i.Quantity is not null);
        RuleFor(i => i.Unit).NotEmpty().WithMessage("A quantity needs its unit (只, 套, 箱…).").When(i => i.Quantity is not null);
        RuleFor(i => i.Unit).Must(u => Vocabulary.Units.Contains(u!))
            .WithMessage(i => $"'{i.Unit}' is not a unit of goods this ledger knows.").When(i => !string.IsNullOrEmpty(i.Unit));
        RuleFor(i => i.Qualifier).Must(q => q is not null && Vocabulary.Qualifiers.ContainsKey(q))
            .WithMessage(i => Words.NotOne(i.Qualifier, Words.Qualifier, Vocabulary.Qualifiers));
    }
}

internal sealed class DonationEntryValidator : AbstractValidator<DonationEntry>
{
    public DonationEntryValidator()
    {
        RuleFor(e => e.Donor).NotEmpty().WithMessage("A gift has a giver.").MaximumLength(Limits.MaximumName)
            .Must(Limits.IsPlainName).WithMessage(e => $"{Limits.HiddenMessage} ({Limits.FirstHidden(e.Donor)}).");
        RuleFor(e => e.DonorKind).Must(k => Vocabulary.DonorKinds.ContainsKey(k!))
            .WithMessage(e => Words.NotOne(e.DonorKind, Words.DonorKind, Vocabulary.DonorKinds)).When(e => e.DonorKind is not null);
        RuleFor(e => e.Recipients).NotNull().WithMessage("recipients is a list of names; [] for none.")
            .Must(r => r is null || r.Count <= 50).WithMessage("At most 50 receivers.");
        RuleForEach(e => e.Recipients).NotEmpty().MaximumLength(Limits.MaximumName).Must(Limits.IsPlainName)
            .WithMessage((_, name) => $"{Limits.HiddenMessage} ({Limits.FirstHidden(name)}).");
        RuleFor(e => e.Cash!).SetValidator(new AmountEntryValidator()).When(e => e.Cash is not null);
        RuleFor(e => e.GoodsValue!).SetValidator(new AmountEntryValidator()).When(e => e.GoodsValue is not null);
        RuleFor(e => e.Combined!).SetValidator(new AmountEntryValidator()).When(e => e.Combined is not null);
        RuleFor(e => e.Items).NotNull().WithMessage("items is a list of goods; [] for none.")
            .Must(i => i is null || i.Count <= 100).WithMessage("At most 100 kinds of goods.");
        RuleForEach(e => e.Items).NotNull().WithMessage("An item is an object with its category and name, not null.").SetValidator(new ItemEntryValidator());
        RuleFor(e => e).Must(e => e.Cash is not null || e.GoodsValue is not null || e.Combined is not null || (e.Items ?? []).Any(i => i?.Quantity is not null))
            .OverridePropertyName("cash").WithMessage("A gift entered by hand gives a figure: cash, goods value, a combined figure or a quantity of goods.");
        RuleFor(e => e.Date).Must(BeAReasonableDate!)
            .WithMessage($"A date is written yyyy-MM-dd, from {Limits.EarliestDate:yyyy-MM-dd} to today.").When(e => e.Date is not null);
        RuleFor(e => e.Statement).NotEmpty().WithMessage("Say what the gift is entered from: the sentence, receipt or notice.")
            .MaximumLength(Limits.MaximumStatement);
        RuleFor(e => e.EnteredBy).NotEmpty().WithMessage("Say who enters the gift.").MaximumLength(Limits.MaximumName)
            .Must(Limits.IsPlainName).WithMessage(e => $"{Limits.HiddenMessage} ({Limits.FirstHidden(e.EnteredBy)}).");
    }

    private static bool BeAReasonableDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && day >= Limits.EarliestDate && day <= Limits.LatestDate;
}

internal sealed class CorrectionRequestValidator : AbstractValidator<CorrectionRequest>
{
    public CorrectionRequestValidator()
    {
        RuleFor(c => c.Field).Must(f => f is not null && Corrections.Fields.ContainsKey(f))
            .WithMessage(c => $"'{c.Field}' is not a figure that can be corrected; one of {string.Join(", ", Corrections.Fields.Keys)}.");
        RuleFor(c => c.Yuan).GreaterThan(0).WithMessage("A figure is more than 0 yuan; send null to remove it.")
            .LessThanOrEqualTo(Limits.MostYuan).WithMessage("More than a trillion yuan is not a figure of one gift.")
            .Must(y => Limits.IsWholeFen(y!.Value)).WithMessage("Money is stated to the fen (0.01 yuan) at most: the ledger keeps whole fen.").When(c => c.Yuan is not null);
        RuleFor(c => c.Who).NotEmpty().WithMessage("Say who corrects it.").MaximumLength(Limits.MaximumName).Must(Limits.IsPlainName)
            .WithMessage(c => $"{Limits.HiddenMessage} ({Limits.FirstHidden(c.Who)}).");
        RuleFor(c => c.Why).NotEmpty().WithMessage("Say why: what the correction rests on.").MaximumLength(Limits.MaximumStatement);
    }
}

internal static class DonationsEndpoints
{
    public static RouteGroupBuilder MapDonations(this RouteGroupBuilder group)
    {
        group.WithTags("Donations");
        group.MapGet("/", ListDonations).WithName("ListDonations").WithETag().KeptPerRevision()
            .WithSummary("Donations, filtered and sorted, a page at a time")
            .WithDescription("Each donation once, however many reports name it, with its figures at their latest correction and its first sentence. Pages follow a cursor, so donations added meanwhile never repeat or skip one; X-Total-Count says how many the filters select. donor and recipient take an organization's id or a name it is known by: an unknown one is a 404, a name several organizations answer to a 400 listing them.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}", GetDonation).WithName("GetDonation").WithETag()
            .WithSummary("One donation with every source (document, line, sentence, why it was joined) and its correction history")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/corrections", GetCorrections).WithName("GetCorrections").WithETag()
            .WithSummary("A donation's corrections, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", EnterDonation).WithName("EnterDonation")
            .WithSummary("Enter a gift by hand")
            .WithDescription("Stored as a document of its own (the statement and who entered it), joined with reports of the same gift like any other. The same entry again changes nothing.")
            .Validates<DonationEntry>().RequiresApiKey();
        group.MapPost("/{id:long}/corrections", CorrectDonation).WithName("CorrectDonation")
            .WithSummary("Correct a figure of a donation (append-only)")
            .WithDescription("Totals use the latest value; the original figure and every correction stay readable.")
            .Validates<CorrectionRequest>().RequiresApiKey()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Lists donations.</summary>
    public static Results<Ok<DonationList>, ValidationProblem, ProblemHttpResult> ListDonations([AsParameters] DonationListQuery query, Donations donations,
        Organizations organizations, Sources sources, HttpContext http)
    {
        var donor = FilterNames.Organization("donor", query.Donor, organizations);
        var recipient = FilterNames.Organization("recipient", query.Recipient, organizations);
        var document = FilterNames.Document(query.Document, sources);
        if ((donor.Unknown ?? recipient.Unknown ?? document.Unknown) is { } unknown) return unknown;
        if ((donor.Ambiguous ?? recipient.Ambiguous) is { } ambiguous) return ambiguous;
        var errors = new Dictionary<string, string[]>();
        ReadFilter.CheckDate(errors, "from", query.From);
        ReadFilter.CheckDate(errors, "to", query.To);
        Words.Check(errors, "category", query.Category, Words.Category, Vocabulary.Categories);
        if (query.MinAmount is < 0 or > Limits.MostYuan) errors["min_amount"] = [$"min_amount is between 0 and {Limits.MostYuan:0} yuan (no one gift is more)."];
        if (query.Limit is < 1 or > Donations.MaximumLimit) errors["limit"] = [$"limit is between 1 and {Donations.MaximumLimit}."];
        DonationOrder order = DonationOrder.Date;
        if (query.Sort is not null && !Orders.TryGetValue(query.Sort, out order))
            errors["sort"] = [$"'{query.Sort}' is not an order; one of {string.Join(", ", Orders.Keys)}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var cursor = string.IsNullOrEmpty(query.Cursor) ? null : DonationCursor.Read(query.Cursor, order);
        if (cursor is CursorReading.NotGivenOut foreign) return Problems.Invalid("cursor", foreign.Reason + ".");
        var selected = new DonationQuery
        {
            Donor = donor.Id, Recipient = recipient.Id, Category = query.Category, From = query.From, To = query.To,
            Document = document.Name, Aggregate = query.Aggregate, Undated = query.Undated, MinimumYuan = query.MinAmount, Text = query.Text,
            Order = order, Limit = query.Limit ?? 50, After = (cursor as CursorReading.Found)?.Cursor,
        };
        var page = donations.Find(selected);
        http.Response.Headers["X-Total-Count"] = donations.Count(selected).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new DonationList(page.Donations, page.Next?.Text));
    }

    private static readonly Dictionary<string, DonationOrder> Orders = new()
    {
        ["date"] = DonationOrder.Date,
        ["-date"] = DonationOrder.DateDescending,
        ["amount"] = DonationOrder.Amount,
        ["-amount"] = DonationOrder.AmountDescending,
        ["id"] = DonationOrder.Id,
    };

    /// <summary>One donation with its sources and corrections.</summary>
    /// <param name="id">The donation's id.</param>
    /// <param name="donations">The ledger's donations.</param>
    public static Results<Ok<DonationDetail>, ProblemHttpResult> GetDonation(long id, Donations donations) =>
        donations.Get(id) is { } donation ? TypedResults.Ok(donation) : Problems.NotFound($"There is no donation {id}.");

    /// <summary>A donation's corrections.</summary>
    /// <param name="id">The donation's id.</param>
    /// <param name="donations">The ledger's donations.</param>
    public static Results<Ok<IReadOnlyList<Correction>>, ProblemHttpResult> GetCorrections(long id, Donations donations) =>
        donations.Get(id) is { } donation ? TypedResults.Ok(donation.Corrections) : Problems.NotFound($"There is no donation {id}.");

    /// <summary>Enters a gift by hand.</summary>
    /// <param name="entry">The gift and the statement it comes from.</param>
    /// <param name="ingestion">Where gifts enter the ledger.</param>
    /// <param name="donations">The ledger's donations.</param>
    public static Results<Created<DonationDetail>, Ok<DonationDetail>> EnterDonation(DonationEntry entry, Ingestion ingestion, Donations donations)
    {
        var (result, id) = ingestion.Enter(entry.ToHandEntry());
        var donation = donations.Get(id)!;
        return result.Outcome == IngestOutcome.Unchanged ? TypedResults.Ok(donation) : TypedResults.Created($"/api/v1/donations/{id}", donation);
    }

    /// <summary>Corrects a figure of a donation.</summary>
    /// <param name="id">The donation's id.</param>
    /// <param name="correction">The field, the right figure, who and why.</param>
    /// <param name="corrections">The ledger's corrections.</param>
    public static Results<Created<Correction>, ProblemHttpResult> CorrectDonation(long id, CorrectionRequest correction, Corrections corrections) =>
        corrections.Add(id, correction.Field, correction.Yuan, correction.Who.Trim(), correction.Why.Trim()) switch
        {
            CorrectionOutcome.Corrected made => TypedResults.Created($"/api/v1/donations/{id}/corrections", made.Correction),
            // The request's checks refuse such a correction first, naming its field; one the ledger refuses after them is still the client's to mend.
            CorrectionOutcome.Refused refused => TypedResults.Problem(title: "The correction was refused", detail: refused.Reason + ".",
                statusCode: StatusCodes.Status400BadRequest),
            _ => Problems.NotFound($"There is no donation {id}."),
        };
}
