using NUnit.Framework;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ledger.Tests.Api;

/// <summary>
/// The real API (the whole HTTP pipeline) over a real ledger of its own (a SQLite file, or a
/// PostgreSQL schema), seeded from the seed reports on start as `dotnet run` does. Settings are
/// passed as the host's configuration.
/// </summary>
internal sealed class LedgerApiFactory : WebApplicationFactory<Program>
{
    public const string Key = "test-key-1f0c";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-api-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    public LedgerApiFactory(StoreKind store = StoreKind.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_folder);
        Store = store;
        Database = Stores.NewLedger(store, _folder);
        _settings = settings;
    }

    public StoreKind Store { get; }

    /// <summary>The ledger's setting: a SQLite file's path, or a PostgreSQL connection string (as --db takes it).</summary>
    public string Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Ledger:Database", Database);
        builder.UseSetting("Ledger:Seeds", Seeds.Folder);
        builder.UseSetting("Ledger:ApiKey", Key);
        builder.UseSetting("Ledger:WritesPerMinute", "1000");
        foreach (var (name, value) in _settings ?? new Dictionary<string, string?>()) builder.UseSetting(name, value);
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
        // A factory whose store was not there (its constructor ignored the test) is still finalised: it has nothing to drop.
        if (Database is not null) Stores.Drop(Database);
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

/// <summary>One seeded API a store for the tests that only read: seeding is the expensive part.</summary>
[SetUpFixture]
public sealed class SeededApi
{
    private static readonly Dictionary<StoreKind, LedgerApiFactory> Started = [];

    /// <summary>The seeded API on <paramref name="store"/>, started at its first use.</summary>
    internal static LedgerApiFactory For(StoreKind store)
    {
        lock (Started)
        {
            if (Started.TryGetValue(store, out var factory)) return factory;
            factory = new LedgerApiFactory(store);
            factory.CreateClient().Dispose();
            return Started[store] = factory;
        }
    }

    [OneTimeTearDown]
    public void Stop()
    {
        foreach (var factory in Started.Values) factory.Dispose();
        Started.Clear();
    }
}
