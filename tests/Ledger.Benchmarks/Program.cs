using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Ledger.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
