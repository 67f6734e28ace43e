using BenchmarkDotNet.Running;
using Ledger.Benchmarks;

// dotnet run -c Release --project tests/Ledger.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Ledger.Benchmarks -- --generated-ledger   (builds the 1,000,000-donation ledger if needed, prints its path)
if (args is ["--generated-ledger"])
{
    Console.WriteLine(GeneratedLedger.Open().Path);
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
