namespace Ledger.Extraction;

/// <summary>The words a record is read from, for a reader to check it against its document.</summary>
internal static class Evidence
{
    /// <summary>
    /// The longest evidence a record carries. A sentence of ordinary prose fits (about five lines of
    /// a newspaper column); a sentence that runs on for pages, such as a list of thousands of gifts
    /// with no full stop, would otherwise be repeated whole in each of its records, and the output
    /// and the time to write it would grow with the square of its length.
    /// </summary>
    public const int MaxLength = 300;

    /// <summary>
    /// The whole sentence when it fits, else the clauses of the gift, [<paramref name="start"/>,
    /// <paramref name="end"/>) in the sentence, cut to <see cref="MaxLength"/>.
    /// </summary>
    public static string Of(string sentence, int start, int end)
    {
        var whole = sentence.AsSpan().Trim();
        // Most sentences are already trimmed: the record then shares the sentence's string.
        if (whole.Length <= MaxLength) return whole.Length == sentence.Length ? sentence : whole.ToString();
        start = Math.Clamp(start, 0, sentence.Length);
        end = Math.Clamp(end, start, sentence.Length);
        var clauses = sentence.AsSpan(start, end - start).Trim();
        if (clauses.Length <= MaxLength) return clauses.ToString();
        // Never split a character written as a surrogate pair.
        var cut = char.IsHighSurrogate(clauses[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return clauses[..cut].ToString();
    }
}
