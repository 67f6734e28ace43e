using System.Text;
using System.Text.Json;
using Ledger.Domain;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>
/// The kept answer of totals by donor, patched write by write, is the answer made afresh from the
/// givers as they now are: the rule alone, with no database.
/// </summary>
public class KeptTotalsTests
{
    // A giver who gave yuan in cash and reported a total of reportedYuan, kept as the ledger keeps it.
    private static KeptGiver Giver(long id, string name, decimal yuan, decimal reportedYuan = 0)
    {
        var row = Sums.Plus(Sums.Empty(id.ToString(System.Globalization.CultureInfo.InvariantCulture), name),
        [
            new CountedGift(false, (long)(yuan * 100), Qualifier.Exact, null, Qualifier.Exact, null, Qualifier.Exact, []),
            .. reportedYuan > 0 ? [new CountedGift(true, (long)(reportedYuan * 100), Qualifier.Exact, null, Qualifier.Exact, null, Qualifier.Exact, [])] : Array.Empty<CountedGift>(),
        ]);
        return new KeptGiver(id, (long)(yuan * 100), (long)(reportedYuan * 100), name, TotalsFormat.Utf8JsonObject(row));
    }

    private static string[] Names(ReadOnlyMemory<byte> json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray();

    private static KeptTotals Made(params KeptGiver[] givers)
    {
        var kept = new KeptTotals();
        kept.Load(givers);
        return kept;
    }

    private static readonly KeptGiver Hospital = Giver(1, "哈尔滨医科大学附属第一医院", 500_000m);
    private static readonly KeptGiver Zhao = Giver(2, "赵国良", 50_000m);
    private static readonly KeptGiver Tianzhao = Giver(3, "天兆企业", 50_000m, reportedYuan: 80_000m);
    private static readonly KeptGiver Wu = Giver(4, "吴庆和", 3_000m);
    private static readonly KeptGiver Longjiang = Giver(5, "黑龙江龙江建筑有限公司", 1_200_000m);

    [Test]
    public void Givers_are_ranked_by_what_they_gave_then_what_they_reported_then_by_name()
    {
        var kept = Made(Wu, Zhao, Hospital, Tianzhao);
        Assert.That(Names(kept.Body), Is.EqualTo(new[] { "哈尔滨医科大学附属第一医院", "天兆企业", "赵国良", "吴庆和" }));
    }

    [Test]
    public void A_giver_who_gave_more_moves_up_and_the_answer_is_the_one_made_afresh()
    {
        var kept = Made(Wu, Zhao, Hospital, Tianzhao, Longjiang, Giver(6, "某某公司", 10m), Giver(7, "某某协会", 20m), Giver(8, "某某商会", 30m));
        var wuNow = Giver(4, "吴庆和", 900_000m);

        Assert.That(kept.TryPatch([4], _ => [wuNow]), Is.True);

        Assert.That(Names(kept.Body).Take(3), Is.EqualTo(new[] { "黑龙江龙江建筑有限公司", "吴庆和", "哈尔滨医科大学附属第一医院" }));
        Assert.That(kept.Body, Is.EqualTo(Made(wuNow, Zhao, Hospital, Tianzhao, Longjiang, Giver(6, "某某公司", 10m), Giver(7, "某某协会", 20m), Giver(8, "某某商会", 30m)).Body));
    }

    [Test]
    public void A_giver_with_no_totals_left_is_taken_out_and_a_new_one_put_in_its_place()
    {
        var kept = Made(Wu, Zhao, Hospital, Tianzhao, Giver(6, "某某公司", 10m), Giver(7, "某某协会", 20m), Giver(8, "某某商会", 30m), Giver(9, "某某基金会", 40m));

        Assert.That(kept.TryPatch([2, 5], _ => [Longjiang]), Is.True);

        Assert.That(Names(kept.Body), Does.Not.Contain("赵国良"));
        Assert.That(Names(kept.Body)[0], Is.EqualTo("黑龙江龙江建筑有限公司"));
        Assert.That(kept.Body, Is.EqualTo(Made(Wu, Hospital, Tianzhao, Longjiang, Giver(6, "某某公司", 10m), Giver(7, "某某协会", 20m), Giver(8, "某某商会", 30m), Giver(9, "某某基金会", 40m)).Body));
    }

    [Test]
    public void A_change_to_more_than_a_quarter_of_the_givers_is_not_patched()
    {
        var kept = Made(Wu, Zhao, Hospital, Tianzhao);
        var before = kept.Body;

        Assert.That(kept.TryPatch([1, 2], _ => throw new AssertionException("the givers are not read when the answer is loaded whole")), Is.False);
        Assert.That(kept.Body, Is.EqualTo(before));
    }

    [Test]
    public void A_page_is_cut_out_of_the_answer_with_the_number_of_givers()
    {
        var kept = Made(Wu, Zhao, Hospital, Tianzhao);

        var (page, groups) = kept.Page(1, 2);
        Assert.That(groups, Is.EqualTo(4));
        Assert.That(Names(page), Is.EqualTo(new[] { "天兆企业", "赵国良" }));
        Assert.That(JsonDocument.Parse(page).RootElement[1].GetRawText(), Is.EqualTo(Encoding.UTF8.GetString(Zhao.Json)));
        Assert.That(Names(kept.Page(3, 10).Json), Is.EqualTo(new[] { "吴庆和" }));
        Assert.That(Encoding.UTF8.GetString(kept.Page(4, 10).Json.Span), Is.EqualTo("[]"));
        Assert.That(Encoding.UTF8.GetString(Made().Body), Is.EqualTo("[]"));
    }
}
