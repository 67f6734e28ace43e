using System.Text;
using Ledger.Storage;
using Microsoft.Extensions.Options;

namespace Ledger.Api;

/// <summary>A new ledger starts with the reports in <see cref="LedgerSettings.Seeds"/>, so the API has something to serve on first start.</summary>
internal static class Seeding
{
    // A damaged page still has records: invalid UTF-8 becomes U+FFFD, as with `ledger ingest`.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static void IngestSeedsIntoEmptyLedger(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<LedgerSettings>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ledger.Seeding");
        var database = app.Services.GetRequiredService<LedgerDatabase>();
        if (string.IsNullOrWhiteSpace(settings.Seeds) || !new Sources(database).None()) return;
        if (Find(settings.Seeds, app.Environment.ContentRootPath) is not { } folder)
        {
            log.LogWarning("The ledger {Database} is empty and no seeds folder {Seeds} was found; it starts empty.", database.Path, settings.Seeds);
            return;
        }
        var ingestion = new Ingestion(database);
        foreach (var file in Directory.GetFiles(folder, "*.txt").OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var result = ingestion.Ingest(Path.GetFileName(file), File.ReadAllText(file, Utf8));
            log.LogInformation("Ingested {Document}: {Records} records, {Donations} new donations, {Joined} joined reports.",
                result.Document, result.Records, result.NewDonations, result.JoinedReports);
        }
    }

    // A relative folder is looked for in the content root and the folders above it: `dotnet run --project src/Ledger.Api`
    // from anywhere in the repository finds the repository's seeds.
    private static string? Find(string seeds, string contentRoot)
    {
        if (Path.IsPathRooted(seeds)) return Directory.Exists(seeds) ? seeds : null;
        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, seeds);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
