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

    public static Result Run(params string[] args)
    {
        using var process = Start(args);
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
    public static Process Start(params string[] args)
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
        start.ArgumentList.Add(Path);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
