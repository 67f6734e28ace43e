using System.Diagnostics;

namespace Ledger.Tests.Cli;

/// <summary>Runs the built command-line host (ledger.dll) as a real child process.</summary>
internal static class LedgerCli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    // tests/Ledger.Tests/bin/<Configuration>/net10.0 → src/Ledger.Cli/bin/<Configuration>/net10.0/ledger.dll
    public static string Path
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var framework = here.Name;
            var configuration = here.Parent!.Name;
            var repository = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return System.IO.Path.Combine(repository, "src", "Ledger.Cli", "bin", configuration, framework, "ledger.dll");
        }
    }

    public static Result Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs ledger with these environment variables set (COLUMNS=100).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ledger did not finish");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts ledger and returns the running process, its output and error redirected.</summary>
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    private static Process Start(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.StandardErrorEncoding = System.Text.Encoding.UTF8;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
