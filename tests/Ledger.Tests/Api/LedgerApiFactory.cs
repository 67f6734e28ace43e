using NUnit.Framework;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ledger.Tests.Api;

/// <summary>
/// The real API (the whole HTTP pipeline) over a real SQLite file of its own, seeded from the seed
/// reports on start as `dotnet run` does. Settings are passed as the host's configuration.
/// </summary>
internal sealed class LedgerApiFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string Key = "test-key-1f0c";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-api-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "ledger.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Ledger:Database", DatabasePath);
        builder.UseSetting("Ledger:Seeds", Seeds.Folder);
        builder.UseSetting("Ledger:ApiKey", Key);
        builder.UseSetting("Ledger:WritesPerMinute", "1000");
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(name, value);
    }

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Writer()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>The ledger's revision, which every write raises: unchanged means nothing was written.</summary>
    public async Task<long> Revision()
    {
        using var client = CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("revision").GetInt64();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder later.
        }
    }
}

/// <summary>One seeded API for the tests that only read: seeding is the expensive part.</summary>
[SetUpFixture]
public sealed class SeededApi
{
    private static LedgerApiFactory? _factory;

    internal static LedgerApiFactory Factory => _factory ?? throw new InvalidOperationException("the seeded API is not started");

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new LedgerApiFactory();
        _factory.CreateClient().Dispose();
    }

    [OneTimeTearDown]
    public void Stop() => _factory?.Dispose();
}
