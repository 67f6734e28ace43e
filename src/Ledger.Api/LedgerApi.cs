using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using FluentValidation;
using Ledger.Api.Endpoints;
using Ledger.Api.Http;
using Ledger.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Ledger.Api;

/// <summary>The API's parts, in the order a request meets them: <see cref="AddLedgerApi"/> registers, <see cref="UseLedgerApi"/> arranges.</summary>
public static class LedgerApi
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddLedgerApi(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);
        var section = builder.Configuration.GetSection(LedgerSettings.Section);
        builder.Services.Configure<LedgerSettings>(section);
        var settings = section.Get<LedgerSettings>() ?? new LedgerSettings();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        // The framework's request lines carry the whole URL, query string and all: RequestLog writes them without what must stay out.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        builder.Services.AddSingleton(services =>
        {
            var ledger = services.GetRequiredService<IOptions<LedgerSettings>>().Value;
            return LedgerDatabase.Open(PostgresStore.IsConnectionString(ledger.Database) ? ledger.Database : Path.GetFullPath(ledger.Database, builder.Environment.ContentRootPath),
                Math.Max(1, ledger.BusySeconds));
        });
        void OverTheLedger<T>(Func<LedgerDatabase, T> part) where T : class =>
            builder.Services.AddSingleton(services => part(services.GetRequiredService<LedgerDatabase>()));
        OverTheLedger(ledger => new Totals(ledger));
        OverTheLedger(ledger => new Donations(ledger));
        OverTheLedger(ledger => new Organizations(ledger));
        OverTheLedger(ledger => new Corrections(ledger));
        OverTheLedger(ledger => new Audit(ledger));
        OverTheLedger(ledger => new Sources(ledger));
        OverTheLedger(ledger => new Ingestion(ledger));

        builder.Services.ConfigureHttpJsonOptions(options => Json.Configure(options.SerializerOptions));
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        // Field errors name fields as the JSON does (goods_value, items[0].unit).
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Describe);
        // A request the framework cannot read (malformed JSON, a body over the limit) becomes a problem with its status.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (settings.CorsOrigins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(settings.CorsOrigins);
            policy.WithMethods("GET", "HEAD").WithHeaders("If-None-Match").WithExposedHeaders("ETag", "X-Total-Count");
        }));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = Problems.TooManyWrites;
            options.AddPolicy(WriteLimit.Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, settings.WritesPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(OpenApi.Configure);
        return builder;
    }

    public static WebApplication UseLedgerApi(this WebApplication app)
    {
        app.UseMiddleware<RequestLog>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A request the client got wrong is the client's error: answered with a problem, not logged as the ledger's failure.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when Problems.IsBusy(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseMiddleware<BodyLimit>();
        app.UseMiddleware<NulRefused>();
        app.UseCors();
        // Every write counts against the limit before its key is checked, so wrong keys are limited too.
        app.UseRateLimiter();
        app.UseMiddleware<ApiKey>();
        // A read answered before at this revision is served here, before its parameters are bound and its filters run.
        app.UseMiddleware<KeptAnswerServer>();
        app.UseStaticFiles();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Ledger API");

        app.MapDashboard();
        app.MapHealth();
        var api = app.MapGroup("/api/v1");
        api.MapIndex();
        api.MapGroup("/totals").MapTotals();
        api.MapGroup("/donations").MapDonations();
        api.MapGroup("/organizations").MapOrganizations();
        api.MapGroup("/supplies").MapSupplies();
        api.MapGroup("/charts").MapCharts();
        api.MapGroup("/audit").MapAudit();
        api.MapGroup("/documents").MapDocuments();

        Seeding.IngestSeedsIntoEmptyLedger(app);
        return app;
    }

    /// <summary>The JSON of every response: snake_case fields and enum values, totals as <c>ledger totals --format json</c> writes them.</summary>
    public static class Json
    {
        public static void Configure(JsonSerializerOptions options)
        {
            options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            options.Converters.Add(new TotalsRowConverter());
            options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        }
    }
}
