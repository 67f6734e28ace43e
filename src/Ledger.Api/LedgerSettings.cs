namespace Ledger.Api;

/// <summary>The <c>Ledger</c> section of the configuration (also <c>Ledger__ApiKey</c> and so on as environment variables).</summary>
public sealed class LedgerSettings
{
    public const string Section = "Ledger";

    /// <summary>The ledger file, created when missing.</summary>
    public string Database { get; set; } = "ledger.db";

    /// <summary>Reports ingested when the ledger has no document yet; empty for none. A relative folder is looked for upward from the working directory.</summary>
    public string Seeds { get; set; } = "seeds";

    /// <summary>The key writes must carry in <c>X-Api-Key</c>; without one, the API takes no writes.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Origins allowed to read from a browser page of another site (chart front ends); <c>*</c> for any.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>The largest request body taken, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Writes one client may make a minute.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>How long a write waits for another writer before the API answers 503 with Retry-After.</summary>
    public int BusySeconds { get; set; } = 10;
}
