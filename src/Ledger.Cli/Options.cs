namespace Ledger.Cli;

/// <summary>The options of a command line: --name value pairs, flags, and the remaining paths.</summary>
internal sealed class Options
{
    public List<string> Paths { get; } = [];
    public Dictionary<string, string> Values { get; } = [];
    public string? Error { get; private set; }

    public static Options Parse(IReadOnlyList<string> args, params string[] valued)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Paths.Add(arg);
                continue;
            }
            var name = arg[2..];
            if (!valued.Contains(name))
            {
                options.Error = $"unknown option {arg}";
                break;
            }
            if (i + 1 >= args.Count)
            {
                options.Error = $"{arg} needs a value";
                break;
            }
            options.Values[name] = args[++i];
        }
        return options;
    }

    public string? Get(string name) => Values.GetValueOrDefault(name);

    public bool TryGetInt(string name, out int? value, out string? error)
    {
        value = null;
        error = null;
        if (Get(name) is not { } text) return true;
        if (int.TryParse(text, out var parsed) && parsed >= 0)
        {
            value = parsed;
            return true;
        }
        error = $"--{name} takes a whole number, not '{text}'";
        return false;
    }
}
