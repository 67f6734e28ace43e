namespace Ledger.Domain;

/// <summary>How the text qualifies a figure: 余/多/以上 make it a lower bound, 近/不到 an upper bound, 约/左右 an approximation.</summary>
public enum Qualifier
{
    Exact,
    AtLeast,
    AtMost,
    About,
}
