using System.Globalization;
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

    /// <summary>Only gifts reported in this document (its name).</summary>
    [FromQuery(Name = "document")]
    public string? Document { get; set; }

    public TotalsFilter ToTotalsFilter() => new() { From = From, To = To, Category = Category, DonorKind = DonorKind, Document = Document };

    /// <summary>Each invalid field with why; empty when the filter can be used.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(errors, "from", From);
        CheckDate(errors, "to", To);
        if (Category is not null && !Vocabulary.Categories.ContainsKey(Category))
            errors["category"] = [$"'{Category}' is not a category; one of {string.Join(", ", Vocabulary.Categories.Keys)}."];
        if (DonorKind is not null && !Vocabulary.DonorKinds.ContainsKey(DonorKind))
            errors["donor_kind"] = [$"'{DonorKind}' is not a kind of giver; one of {string.Join(", ", Vocabulary.DonorKinds.Keys)}."];
        return errors;
    }

    internal static void CheckDate(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors[field] = [$"'{value}' is not a date written yyyy-MM-dd."];
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
