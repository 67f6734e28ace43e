using System.Globalization;
using BenchmarkDotNet.Running;
using Ledger.Benchmarks;

// dotnet run -c Release --project tests/Ledger.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Ledger.Benchmarks -- --generated-ledger   (builds the 1,000,000-donation ledger if needed, prints its path)
// dotnet run -c Release --project tests/Ledger.Benchmarks -- --bulk-reports 10000 FOLDER   (writes generated reports for measuring `ledger ingest`)
// dotnet run -c Release --project tests/Ledger.Benchmarks -- --invariants [--donations N]
//     (checks that every grouping, filter and path of totals adds up the same over the generated ledger; exit code 1 when one does not)
if (args is ["--generated-ledger"])
{
    Console.WriteLine(GeneratedLedger.Open().Path);
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    return 0;
}
if (args is ["--bulk-reports", var reports, var folder])
{
    var written = BulkReports.Write(int.Parse(reports, CultureInfo.InvariantCulture), folder);
    Console.WriteLine($"{written.Reports} reports, {written.Gifts} gift sentences, in {folder}");
    return 0;
}
if (args is ["--invariants", ..])
{
    var donations = args is [_, "--donations", var count] ? int.Parse(count, CultureInfo.InvariantCulture) : GeneratedLedger.Donations;
    return Invariants.Run(donations);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
