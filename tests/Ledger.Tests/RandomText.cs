namespace Ledger.Tests;

/// <summary>Random strings that mostly use the characters a rule reads, with any UTF-16 unit mixed in.</summary>
internal static class RandomText
{
    public static IEnumerable<string> Strings(int seed, string alphabet, int count, int maxLength)
    {
        var random = new Random(seed);
        for (var k = 0; k < count; k++)
        {
            var chars = new char[random.Next(0, maxLength)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = random.Next(5) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)];
            yield return new string(chars);
        }
    }
}
