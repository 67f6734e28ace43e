using Ledger.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddLedgerApi();

var app = builder.Build();
app.UseLedgerApi();
app.Run();

/// <summary>The API host; public so tests can start it through WebApplicationFactory.</summary>
public partial class Program;
