using System.Text;
using FluentValidation;
using Ledger.Api.Http;
using Ledger.Domain;
using Ledger.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Api.Endpoints;

/// <summary>A report to ingest: its name, its text, and the year its dates fall in when it does not say.</summary>
public sealed record DocumentUpload(string? Name, string Text, int? Year, long? InvalidUtf8At);

/// <summary>What ingesting a document did, and where its records are.</summary>
/// <param name="Result">new, unchanged (the same text was ingested before) or replaced (a new version of a document of that name); how many records, new donations and joined reports.</param>
/// <param name="Document">The stored document.</param>
/// <param name="RecordsLink">The records read from it, a page at a time, each with the donation it counts in: a long report has thousands.</param>
public sealed record IngestResponse(IngestResult Result, DocumentInfo Document, string RecordsLink);

internal sealed class DocumentUploadValidator : AbstractValidator<DocumentUpload>
{
    public DocumentUploadValidator()
    {
        RuleFor(d => d.Name).NotEmpty().WithMessage("Name the document (?name=report.txt): a new text under the same name replaces the earlier version.")
            .MaximumLength(Limits.MaximumName).Must(Limits.IsPlainName).WithMessage(d => $"{Limits.HiddenMessage} ({Limits.FirstHidden(d.Name)}).");
        RuleFor(d => d.InvalidUtf8At).Null().WithMessage(d => $"The body is not valid UTF-8 (byte {d.InvalidUtf8At}); send the report as UTF-8 text.")
            .OverridePropertyName("text");
        RuleFor(d => d.Text).NotEmpty().WithMessage("The body is the report's text; it is empty.")
            .Must(text => Limits.NulAt(text) is null).WithMessage(d => Limits.NulMessage(Limits.NulAt(d.Text) ?? 0)).When(d => d.InvalidUtf8At is null);
        RuleFor(d => d.Year).InclusiveBetween(Limits.EarliestDate.Year, DateTime.UtcNow.Year + 1)
            .WithMessage($"The year is between {Limits.EarliestDate.Year} and next year.").When(d => d.Year is not null);
    }
}

internal static class DocumentsEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder group)
    {
        group.WithTags("Documents");
        group.MapGet("/", ListDocuments).WithName("ListDocuments").WithETag()
            .WithSummary("The documents of the ledger: name, SHA-256, dates, extractor version, lines and records");
        group.MapGet("/{id:long}", GetDocument).WithName("GetDocument").WithETag()
            .WithSummary("One document")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/lines", GetLines).WithName("GetDocumentLines").WithETag()
            .WithSummary("A document's text around a line, numbered as in the original file, to check a record against its sentence")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/text", GetText).WithName("GetDocumentText").WithETag()
            .WithSummary("A document's whole text, as ingested")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/records", GetRecords).WithName("GetDocumentRecords").WithETag()
            .WithSummary("The records read from a document, each with its line, sentence and donation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", IngestDocument).WithName("IngestDocument")
            .WithSummary("Ingest a report: the body is its UTF-8 text")
            .WithDescription("Records are extracted and stored; the answer says how many and links to them (paged). The same text again changes nothing (200, result unchanged); a new text under a name already stored replaces that document's records, and the earlier version stays in history.")
            .Accepts<string>("text/plain")
            .ProducesValidationProblem()
            .RequiresApiKey();
        return group;
    }

    /// <summary>Lists the documents.</summary>
    /// <param name="history">true to list replaced versions too.</param>
    /// <param name="sources">The ledger's documents.</param>
    /// <param name="offset">How many to pass over first (default 0).</param>
    /// <param name="limit">How many (1–1000, default 1000). The X-Total-Count header says how many there are.</param>
    /// <param name="http">The request, for the count header.</param>
    public static Results<Ok<IReadOnlyList<DocumentInfo>>, ValidationProblem> ListDocuments([FromQuery] bool? history, [FromQuery] int? offset, [FromQuery] int? limit,
        HttpContext http, Sources sources)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(errors, offset, limit, MaximumDocuments);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(Paging.Page(http, sources.List(history ?? false), offset, limit, MaximumDocuments));
    }

    private const int MaximumDocuments = 1000;
    private const int MaximumRecords = 5000;

    /// <summary>One document.</summary>
    /// <param name="id">The document's id.</param>
    /// <param name="sources">The ledger's documents.</param>
    public static Results<Ok<DocumentInfo>, ProblemHttpResult> GetDocument(long id, Sources sources) =>
        sources.Get(id) is { } document ? TypedResults.Ok(document) : Problems.NotFound($"There is no document {id}.");

    /// <summary>Lines around one line of a document.</summary>
    /// <param name="id">The document's id.</param>
    /// <param name="line">The line (1-based, as in the original file).</param>
    /// <param name="context">Lines shown before and after it (0–200, default 3).</param>
    /// <param name="sources">The ledger's documents.</param>
    public static Results<Ok<DocumentExcerpt>, ProblemHttpResult, ValidationProblem> GetLines(long id, [FromQuery] int line, [FromQuery] int? context, Sources sources)
    {
        if (context is < 0 or > Sources.MaximumContext) return Problems.Invalid("context", $"context is between 0 and {Sources.MaximumContext}.");
        return sources.Around(id, line, context ?? 3) switch
        {
            LinesAround.Found found => TypedResults.Ok(found.Excerpt),
            LinesAround.NoSuchLine outside => Problems.Invalid("line", $"{outside.Document} has lines 1 to {outside.Lines}."),
            _ => Problems.NotFound($"There is no document {id}."),
        };
    }

    /// <summary>A document's whole text.</summary>
    /// <param name="id">The document's id.</param>
    /// <param name="sources">The ledger's documents.</param>
    public static Results<ContentHttpResult, ProblemHttpResult> GetText(long id, Sources sources) =>
        sources.Text(id) is { } text ? TypedResults.Text(text, "text/plain; charset=utf-8") : Problems.NotFound($"There is no document {id}.");

    /// <summary>The records of a document.</summary>
    /// <param name="id">The document's id.</param>
    /// <param name="sources">The ledger's documents.</param>
    /// <param name="offset">How many to pass over first (default 0).</param>
    /// <param name="limit">How many (1–5000, default 5000). The X-Total-Count header says how many there are.</param>
    /// <param name="http">The request, for the count header.</param>
    public static Results<Ok<IReadOnlyList<StoredRecord>>, ValidationProblem, ProblemHttpResult> GetRecords(long id, [FromQuery] int? offset, [FromQuery] int? limit,
        HttpContext http, Sources sources)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(errors, offset, limit, MaximumRecords);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (sources.Get(id) is null) return Problems.NotFound($"There is no document {id}.");
        return TypedResults.Ok(Paging.Page(http, sources.Records(id), offset, limit, MaximumRecords));
    }

    /// <summary>Ingests a report.</summary>
    /// <param name="name">The document's name (report.txt); a new text under a stored name replaces it.</param>
    /// <param name="year">The year of dates the report writes without one (2月3日), when the report does not say.</param>
    /// <param name="request">The request, whose body is the text.</param>
    /// <param name="validator">Checks the upload.</param>
    /// <param name="ingestion">Where reports enter the ledger.</param>
    /// <param name="sources">The ledger's documents.</param>
    public static async Task<Results<Created<IngestResponse>, Ok<IngestResponse>, ValidationProblem>> IngestDocument(
        [FromQuery] string? name, [FromQuery] int? year, HttpRequest request, IValidator<DocumentUpload> validator, Ingestion ingestion, Sources sources)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        var upload = Decode(name, year, body.GetBuffer().AsSpan(0, (int)body.Length));
        var validation = await validator.ValidateAsync(upload, request.HttpContext.RequestAborted);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());
        var result = ingestion.Ingest(upload.Name!.Trim(), upload.Text, upload.Year);
        var response = new IngestResponse(result, sources.Get(result.DocumentId)!, $"/api/v1/documents/{result.DocumentId}/records");
        return result.Outcome == IngestOutcome.Unchanged
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/v1/documents/{result.DocumentId}", response);
    }

    private static DocumentUpload Decode(string? name, int? year, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[3..];
        try
        {
            return new DocumentUpload(name, StrictUtf8.GetString(bytes), year, null);
        }
        catch (DecoderFallbackException invalid)
        {
            return new DocumentUpload(name, "", year, invalid.Index);
        }
    }
}
