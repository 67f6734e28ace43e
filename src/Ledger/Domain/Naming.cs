namespace Ledger.Domain;

/// <summary>A person's decision on a name: an alias of <see cref="Organization"/>, or a name of its own ("split").</summary>
public sealed record NameDecision(string Decision, string? Organization, string Who, string Why)
{
    public const string Alias = "alias", Split = "split";

    /// <summary>Why a decision cannot be taken: it is kept with who made it and why, and one without either is refused; null when it can.</summary>
    public static string? Refusal(string who, string why) =>
        string.IsNullOrWhiteSpace(who) || string.IsNullOrWhiteSpace(why) ? "a decision says who made it and why" : null;

    /// <summary>
    /// Whether a donation goes to the organization a decided name now stands for: when every report
    /// of it wrote its giver by that name. A donation also reported under another name stays with its giver.
    /// </summary>
    /// <example>禧龙园区, an alias of 哈尔滨禧龙国际商贸物流园区: a gift only ever written 禧龙园区 is the park's.</example>
    public static bool Moves(string name, IEnumerable<string> writtenGivers) => writtenGivers.All(given => given == name);

    /// <summary>The reason kept with a name a person decided on.</summary>
    /// <example>decided by auditor Li: the park's own short name</example>
    public string Reason => $"decided by {Who}: {Why}";
}

/// <summary>What the naming rule asks of a ledger: the names, organizations and decisions it holds, wherever it keeps them.</summary>
public interface INameFacts
{
    /// <summary>The organization the name was seen for before; null for a name never seen.</summary>
    long? Known(string name);

    /// <summary>The organization of exactly this name; null when there is none.</summary>
    long? OrganizationNamed(string name);

    /// <summary>A person's latest decision on the name; null when there is none.</summary>
    NameDecision? Decision(string name);
}

/// <summary>Where a name goes: an organization the ledger knows, or a new one, named by its full form; and why.</summary>
public abstract record NameResolution(string Reason)
{
    public sealed record Known(long Id, string Reason) : NameResolution(Reason);

    public sealed record New(string FullName, DonorKind Kind, string Reason) : NameResolution(Reason);
}

/// <summary>
/// Finds the organization (or person) a name stands for, across documents, and says why: a person's
/// decision first, then the name as seen before, then the other names it may have been written as
/// (<see cref="OtherNames"/>), when the ledger knows one of them; else a new organization, named by
/// its full form.
/// </summary>
public static class Naming
{
    /// <example>
    /// 哈医大一院, once 哈尔滨医科大学附属第一医院 is known: that hospital, "abbreviation of …".
    /// 市红十字会 in a Harbin report, nothing known: new, 哈尔滨市红十字会, "full form 哈尔滨市红十字会".
    /// 王德江, a person: only ever the person written so.
    /// </example>
    /// <param name="kindOf">The kind a full name tells, for a name whose own kind is unknown (哈医大一院 → …医院 is a hospital).</param>
    public static NameResolution Resolve(string name, DonorKind kind, string? city, INameFacts facts, Func<string, DonorKind> kindOf)
    {
        var others = kind == DonorKind.Person ? [] : OtherNames.Of(name, city);
        if (facts.Decision(name) is { } decision)
        {
            var reason = decision.Reason;
            // A name split off stands for the organization of its own name, once there is one.
            if (decision.Decision == NameDecision.Split && facts.Known(name) is { } own && facts.OrganizationNamed(name) == own) return new NameResolution.Known(own, reason);
            if (decision.Decision != NameDecision.Split && decision.Organization is not null && facts.OrganizationNamed(decision.Organization) is { } chosen)
                return new NameResolution.Known(chosen, reason);
            if (decision.Decision == NameDecision.Split) return New(name, kind, others, facts, kindOf);
        }
        if (facts.Known(name) is { } known) return new NameResolution.Known(known, "as written before");
        if (kind != DonorKind.Person)
            foreach (var (candidate, why, _) in others)
                if (facts.Known(candidate) is { } match) return new NameResolution.Known(match, why);
        return New(name, kind, others, facts, kindOf);
    }

    // A new organization is named by its full form, made absolute where the name is relative to the city
    // (市红十字会); a guess that a bare name is local (医大一院 → 哈尔滨医大一院) only ever matches known names.
    private static NameResolution New(string name, DonorKind kind, List<(string Name, string Why, bool Guess)> others, INameFacts facts, Func<string, DonorKind> kindOf)
    {
        var full = kind == DonorKind.Person ? name : FullForm(others) ?? name;
        var reason = full == name ? "as written" : $"full form {full}";
        if (facts.OrganizationNamed(full) is { } existing) return new NameResolution.Known(existing, reason);
        return new NameResolution.New(full, kind == DonorKind.Unknown ? kindOf(full) : kind, reason);
    }

    /// <summary>The full form among a name's other names (the last that is not a guess), if it has one.</summary>
    public static string? FullForm(IEnumerable<(string Name, string Why, bool Guess)> others) => others.Where(c => !c.Guess).Select(c => c.Name).LastOrDefault();
}
