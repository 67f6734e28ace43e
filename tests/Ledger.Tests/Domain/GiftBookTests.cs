using Ledger.Domain;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Domain;

/// <summary>Where a report of a gift goes among its giver's donations: the rule alone, in memory, with no database.</summary>
public class GiftBookTests
{
    private const long Giver = 7, FirstHospital = 1, CharityFederation = 2;

    private long _lastId = 100;

    private static DonationRecord Read(string sentence) =>
        DonationExtractor.Default.Extract("捐赠通报\n\n" + sentence, "report.txt", new ExtractionOptions { Year = 2020 }).Single();

    private static GiftReport Report(long document, string sentence, params long[] recipients)
    {
        var record = Read(sentence);
        return new GiftReport(document, record.Line, record.Aggregate, Figure.Fen(record.Cash), Figure.Fen(record.GoodsValue), Figure.Fen(record.Combined),
            record.Date?.ToString("yyyy-MM-dd"), record.Items, recipients);
    }

    private Placement Place(GiftBook book, GiftReport report) => book.Place(Giver, report, () => ++_lastId);

    private static GiftBook Opened()
    {
        var book = new GiftBook();
        book.Open(Giver);
        return book;
    }

    [Test]
    public void A_second_report_of_a_gift_joins_it_with_the_receiver_and_the_date_it_adds()
    {
        var book = Opened();
        var first = Place(book, Report(1, "哈尔滨银行捐款200万元，支持疫情防控。"));

        var second = Place(book, Report(2, "2月3日，哈尔滨银行向哈尔滨市慈善总会捐款200万元。", CharityFederation));

        Assert.That(first, Is.TypeOf<Placement.New>());
        var joined = (Placement.Joined)second;
        Assert.Multiple(() =>
        {
            Assert.That(joined.Donation.Id, Is.EqualTo(first.Donation.Id));
            Assert.That(joined.Why, Is.EqualTo("same giver, cash 2000000 yuan agrees"));
            Assert.That(joined.NewRecipients, Is.EqualTo(new[] { CharityFederation }));
            Assert.That(joined.FirstDate, Is.EqualTo("2020-02-03"), "the donation had no date: this report gives it");
            Assert.That(joined.Donation.Recipients, Is.EquivalentTo(new[] { CharityFederation }));
        });
        var third = (Placement.Joined)Place(book, Report(3, "2月3日，哈尔滨银行捐款200万元。"));
        Assert.That(third.FirstDate, Is.Null, "a date once given is kept");
    }

    [Test]
    public void Two_records_of_one_line_are_two_gifts_however_alike()
    {
        var book = Opened();
        var report = Report(1, "哈尔滨银行捐款200万元。");

        var first = Place(book, report);
        var second = Place(book, report);

        Assert.That(second, Is.TypeOf<Placement.New>());
        Assert.That(second.Donation.Id, Is.Not.EqualTo(first.Donation.Id));
    }

    [Test]
    public void A_gift_never_joins_a_reported_total_nor_a_total_a_gift()
    {
        var book = Opened();
        Place(book, Report(1, "截至目前，哈尔滨建筑有限公司累计捐款466万元。"));

        var gift = Place(book, Report(2, "哈尔滨建筑有限公司捐款466万元。"));
        var totalAgain = Place(book, Report(3, "截至目前，哈尔滨建筑有限公司累计捐款466万元。"));

        Assert.That(gift, Is.TypeOf<Placement.New>(), "the same figure as a total is still a gift of its own");
        Assert.That(totalAgain, Is.TypeOf<Placement.Joined>(), "the total reported again is the same total");
    }

    [Test]
    public void Another_figure_or_other_receivers_make_another_gift()
    {
        var book = Opened();
        Place(book, Report(1, "哈尔滨银行向市第一医院捐款200万元。", FirstHospital));

        Assert.That(Place(book, Report(2, "哈尔滨银行捐款100万元。")), Is.TypeOf<Placement.New>());
        Assert.That(Place(book, Report(3, "哈尔滨银行向哈尔滨市慈善总会捐款200万元。", CharityFederation)), Is.TypeOf<Placement.New>());
    }
}
