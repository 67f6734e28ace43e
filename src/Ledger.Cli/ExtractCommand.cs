using System.Buffers;
using System.Text;
using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Cli;

/// <summary>ledger extract PATH... [--format jsonl|table] [--year YEAR]</summary>
internal static class ExtractCommand
{
    // Records leave in large writes rather than one system call per line.
    private const int OutputBufferBytes = 1 << 16;

    public static int Run(IReadOnlyList<string> args, Stream output, TextWriter error)
    {
        var options = Options.Parse(args, "format", "year");
        if (options.Error is { } problem) return Usage.Fail(error, "extract", problem);
        if (options.Paths.Count == 0) return Usage.Fail(error, "extract", "extract needs at least one file or folder");
        var format = options.Get("format") ?? "jsonl";
        if (format is not ("jsonl" or "table")) return Usage.Fail(error, "extract", $"--format is jsonl or table, not '{format}'");
        if (!options.TryGetInt("year", out var year, out var yearError)) return Usage.Fail(error, "extract", yearError!);
        if (!Documents.TryList(options.Paths, error, out var files)) return 2;

        using var buffered = new BufferedStream(output, OutputBufferBytes);
        if (format == "jsonl")
        {
            // Each file's lines are made on a worker; here they are only written, in the files' order.
            foreach (var lines in InOrder.Select(files, file => JsonLines(file, year), Environment.ProcessorCount))
                buffered.Write(lines.WrittenSpan);
        }
        else
        {
            // The table's columns are as wide as their widest cell, so it waits for every record.
            using var writer = new StreamWriter(buffered, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), OutputBufferBytes, leaveOpen: true);
            RecordTable.Write(Extract(files, year), writer);
        }
        return 0;
    }

    /// <summary>The records of every file, in the files' order, read on every core.</summary>
    public static List<DonationRecord> Extract(IReadOnlyList<string> files, int? year) =>
        InOrder.Select(files, file => ExtractFile(file, year), Environment.ProcessorCount).SelectMany(records => records).ToList();

    private static IReadOnlyList<DonationRecord> ExtractFile(string file, int? year) =>
        DonationExtractor.Default.Extract(Documents.Read(file), Path.GetFileName(file), new ExtractionOptions { Year = year });

    private static ArrayBufferWriter<byte> JsonLines(string file, int? year)
    {
        var lines = new ArrayBufferWriter<byte>();
        RecordJson.WriteLines(ExtractFile(file, year), lines);
        return lines;
    }
}
