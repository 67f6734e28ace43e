using Ledger.Domain;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>What a person's decision on a name takes and what it moves: the rule alone, with no database.</summary>
public class NameDecisionTests
{
    [Test]
    public void A_gift_only_ever_written_with_the_decided_name_goes_to_the_organization_it_now_stands_for()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NameDecision.Moves("禧龙园区", ["禧龙园区", "禧龙园区"]), Is.True, "reported twice, both times as 禧龙园区");
            Assert.That(NameDecision.Moves("禧龙园区", ["禧龙园区", "哈尔滨禧龙国际商贸物流园区"]), Is.False, "another report names the giver otherwise: it stays with its giver");
        });
    }

    [Test]
    public void A_decision_says_who_made_it_and_why_and_keeps_both_as_the_names_reason()
    {
        var decision = new NameDecision(NameDecision.Alias, "哈尔滨禧龙国际商贸物流园区", "auditor Li", "the park's own short name");

        Assert.Multiple(() =>
        {
            Assert.That(decision.Reason, Is.EqualTo("decided by auditor Li: the park's own short name"));
            Assert.That(NameDecision.Refusal("auditor Li", "the park's own short name"), Is.Null);
            Assert.That(NameDecision.Refusal("auditor Li", " "), Is.EqualTo("a decision says who made it and why"));
            Assert.That(NameDecision.Refusal("", "another park"), Is.EqualTo("a decision says who made it and why"));
        });
    }
}
