using System.Globalization;
using Ledger.Domain;
using Ledger.Extraction;
using Ledger.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

/// <summary>Which gifts totals, supplies and charts count.</summary>
public sealed class ReadFilter
{
    /// <summary>First gift date counted (yyyy-MM-dd).</summary>
    /// <example>2020-01-20</example>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Last gift date counted (yyyy-MM-dd).</summary>
    /// <example>2020-03-31</example>
    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>Only gifts with goods of this category (mask, protective_suit, goggles, disinfectant…).</summary>
    /// <example>mask</example>
    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>Only givers of this kind (person, company, charity, government…).</summary>
    /// <example>company</example>
    [FromQuery(Name = "donor_kind")]
    public string? DonorKind { get; set; }

    /// <summary>Only gifts reported in this document: its id or its name (an unknown one is a 404).</summary>
    [FromQuery(Name = "document")]
    public string? Document { get; set; }

    /// <summary>Only gifts of this giver: its id or a name it is known by (an unknown one is a 404, a name of several a 400 listing them).</summary>
    /// <example>吴庆和</example>
    [FromQuery(Name = "donor")]
    public string? Donor { get; set; }

    /// <summary>Only gifts to this receiver, alone or shared with others: its id or a name it is known by.</summary>
    [FromQuery(Name = "recipient")]
    public string? Recipient { get; set; }

    /// <summary>The giver <see cref="Donor"/> names, once resolved.</summary>
    internal long? DonorId { get; set; }

    /// <summary>The receiver <see cref="Recipient"/> names, once resolved.</summary>
    internal long? RecipientId { get; set; }

    public TotalsFilter ToTotalsFilter() => new()
    {
        From = From, To = To, Category = Category, DonorKind = DonorKind, Document = Document, Organization = DonorId, Recipient = RecipientId,
    };

    /// <summary>Each invalid field with why; empty when the filter can be used.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(errors, "from", From);
        CheckDate(errors, "to", To);
        Words.Check(errors, "category", Category, Words.Category, Vocabulary.Categories);
        Words.Check(errors, "donor_kind", DonorKind, Words.DonorKind, Vocabulary.DonorKinds);
        return errors;
    }

    internal static void CheckDate(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors[field] = [$"'{value}' is not a date written yyyy-MM-dd."];
    }
}

/// <summary>Words a request may use from the ledger's vocabulary, and the error naming the ones it may.</summary>
internal static class Words
{
    public const string Category = "a category";
    public const string DonorKind = "a kind of giver";
    public const string Qualifier = "a qualifier";

    public static string NotOne<T>(string? value, string what, IReadOnlyDictionary<string, T> words) =>
        $"'{value}' is not {what}; one of {string.Join(", ", words.Keys)}.";

    public static void Check<T>(Dictionary<string, string[]> errors, string field, string? value, string what, IReadOnlyDictionary<string, T> words)
    {
        if (value is not null && !words.ContainsKey(value)) errors[field] = [NotOne(value, what, words)];
    }
}

/// <summary>How a read answers: JSON, or CSV for a spreadsheet.</summary>
public enum ReadFormat { Json, Csv }

internal static class ReadFormats
{
    public static bool TryParse(string? text, out ReadFormat format, Dictionary<string, string[]> errors)
    {
        format = ReadFormat.Json;
        switch (text)
        {
            case null or "json": return true;
            case "csv": format = ReadFormat.Csv; return true;
            default:
                errors["format"] = [$"'{text}' is not a format; json or csv."];
                return false;
        }
    }

    public const string Csv = "text/csv; charset=utf-8";
}
