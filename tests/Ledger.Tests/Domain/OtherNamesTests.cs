using Ledger.Domain;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>The other names an organization is written as: the rule alone, with no database.</summary>
public class OtherNamesTests
{
    private static List<string> Names(string name, string? city) => OtherNames.Of(name, city).Select(c => c.Name).ToList();

    private static List<string> Sure(string name, string? city) => OtherNames.Of(name, city).Where(c => !c.Guess).Select(c => c.Name).ToList();

    [TestCase("哈医大一院", "哈尔滨医科大学附属第一医院")]
    [TestCase("市疾控中心", "市疾病预防控制中心")]
    [TestCase("省红十字会", "省红十字会")]
    [TestCase("黑龙江省侨联委员", "黑龙江省归国华侨联合会委员")]
    [TestCase("市归国华侨联合会", "市归国华侨联合会")]
    public void An_abbreviation_expands_to_its_full_form(string name, string full) => Assert.That(OtherNames.Expand(name), Is.EqualTo(full));

    [Test]
    public void A_name_relative_to_the_city_is_that_citys_organization()
    {
        Assert.That(Sure("市红十字会", "哈尔滨"), Is.EqualTo(new[] { "哈尔滨市红十字会" }));
        Assert.That(Sure("我市慈善总会", "哈尔滨"), Is.EqualTo(new[] { "哈尔滨市慈善总会" }));
        Assert.That(Sure("市疾控中心", "长春"), Is.EqualTo(new[] { "市疾病预防控制中心", "长春市疾控中心", "长春市疾病预防控制中心" }));
    }

    [Test]
    public void Without_the_reports_city_a_relative_name_stays_as_it_is()
    {
        Assert.That(Names("市红十字会", null), Is.Empty);
        Assert.That(OtherNames.Of("市疾控中心", null).Single().Why, Is.EqualTo("市疾控中心 abbreviates 市疾病预防控制中心"));
    }

    [Test]
    public void A_bare_local_name_is_only_a_guess_that_never_names_a_new_organization()
    {
        var local = OtherNames.Of("医大二院", "哈尔滨").Single(c => c.Name == "哈尔滨医大二院");

        Assert.That(local.Guess, Is.True);
        Assert.That(local.Why, Is.EqualTo("医大二院 is the local 哈尔滨医大二院"));
    }

    [Test]
    public void A_place_written_before_de_names_the_organization_after_it()
    {
        Assert.That(Names("哈尔滨的医大一院", "哈尔滨"), Does.Contain("医大一院"));
        Assert.That(OtherNames.Of("哈尔滨的医大一院", "哈尔滨").Where(c => c.Name == "医大一院").Select(c => c.Guess), Is.EqualTo(new[] { true }));
    }

    [TestCase("哈尔滨市红十字会", "哈尔滨", TestName = "a name that already holds its city")]
    [TestCase("红会", "哈尔滨", TestName = "a name too short to be a local one")]
    public void A_name_that_is_not_relative_gets_no_city(string name, string city) =>
        Assert.That(Names(name, city).Where(n => n.StartsWith(city + city, StringComparison.Ordinal) || n == city + name), Is.Empty);
}
