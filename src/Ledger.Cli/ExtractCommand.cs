using System.Buffers;
using System.CommandLine;
using System.Text;
using Ledger.Domain;
using Ledger.Extraction;

namespace Ledger.Cli;

/// <summary>ledger extract PATH... [--format jsonl|table] [--year YEAR]</summary>
internal static class ExtractCommand
{
    // Records leave in large writes rather than one system call per line.
    private const int OutputBufferBytes = 1 << 16;

    public static Command Command()
    {
        var paths = Take.Paths(atLeast: 1);
        var format = Take.OneOf("--format", "JSON Lines in the exchange format, or a table fitted to the terminal", "jsonl", "table");
        var year = Take.Year();
        var command = Usage.Command("extract");
        command.Add(paths);
        command.Add(format);
        command.Add(year);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetRequiredValue(format), parsed.GetValue(year), Console.OpenStandardOutput(), Console.Error));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, string format, int? year, Stream output, TextWriter error)
    {
        if (!Documents.TryList(paths, error, out var files)) return 2;

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
