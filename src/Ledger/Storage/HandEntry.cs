using System.Globalization;
using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Storage;

/// <summary>A gift entered by a person rather than read from a report: what was given, from what statement, by whom.</summary>
public sealed record HandEntry
{
    public required string Donor { get; init; }

    /// <summary>The giver's kind; <see cref="DonorKind.Unknown"/> lets the name decide (…公司 is a company).</summary>
    public DonorKind DonorKind { get; init; }

    public IReadOnlyList<string> Recipients { get; init; } = [];
    public Figure? Cash { get; init; }
    public Figure? GoodsValue { get; init; }
    public Figure? Combined { get; init; }
    public IReadOnlyList<DonatedItem> Items { get; init; } = [];
    public DateOnly? Date { get; init; }
    public bool Aggregate { get; init; }

    /// <summary>The sentence, receipt or notice the gift was entered from: its evidence.</summary>
    public required string Statement { get; init; }

    public required string EnteredBy { get; init; }

    internal DonationRecord ToRecord(string document, string evidence) => new()
    {
        Doc = document,
        Line = 1,
        Evidence = evidence,
        Donor = Donor.Trim(),
        DonorKind = DonorKind,
        Recipients = Recipients.Select(r => r.Trim()).ToList(),
        Cash = Cash,
        GoodsValue = GoodsValue,
        Combined = Combined,
        Items = Items,
        Date = Date,
        Aggregate = Aggregate,
        Optional = Cash is null && GoodsValue is null && Combined is null && Items.All(i => i.Quantity is null),
    };

    // One line, the same for the same entry: the stored document's text, and so its identity.
    internal string Describe() => string.Join("; ", new[]
    {
        $"donor {Donor.Trim()}",
        DonorKind == DonorKind.Unknown ? null : $"kind {Vocabulary.Snake(DonorKind)}",
        Recipients.Count > 0 ? $"recipients {string.Join("、", Recipients.Select(r => r.Trim()))}" : null,
        Cash is { } c ? $"cash {c}" : null,
        GoodsValue is { } g ? $"goods value {g}" : null,
        Combined is { } m ? $"combined {m}" : null,
        Items.Count > 0 ? "items " + string.Join("、", Items.Select(i => $"{Vocabulary.Snake(i.Category)} {i.Name} {i.Quantity}{i.Unit}")) : null,
        Date is { } d ? "date " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Aggregate ? "reported total" : null,
    }.Where(p => p is not null));
}
