using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

public class DateReaderTests
{
    [TestCase("截至2020年2月9日,共捐款", true, 2020, 2, 9, "截至2020年2月9日")]
    [TestCase("截止到3月5号,收到", true, null, 3, 5, "截止到3月5号")]
    [TestCase("到12月31日止", true, null, 12, 31, "到12月31日")]
    [TestCase("于2月1日直接入库", false, null, 2, 1, "2月1日")]
    [TestCase("2019年12月30日上午", false, 2019, 12, 30, "2019年12月30日")]
    // Five digits before 年 are no year: the month's digits are read from the right place.
    [TestCase("编号20201月5日", false, null, 1, 5, "01月5日")]
    public void Reads_the_parts_of_a_date(string text, bool asOf, int? year, int month, int day, string written)
    {
        var date = DateReader.FindAll(text, 0, text.Length).Single();
        Assert.Multiple(() =>
        {
            Assert.That((date.AsOf, date.Year, date.Month, date.Day), Is.EqualTo((asOf, year, month, day)));
            Assert.That(text[date.Start..date.End], Is.EqualTo(written));
        });
    }

    [TestCase("13月2日,3月4日和5月6日", 3)]
    [TestCase("13月40日", null)]
    [TestCase("没有日期", null)]
    public void The_first_date_is_the_first_valid_one_of_all_the_dates(string text, int? month)
    {
        var first = DateReader.First(text, 0, text.Length);
        var all = DateReader.FindAll(text, 0, text.Length);
        Assert.Multiple(() =>
        {
            Assert.That(first?.Month, Is.EqualTo(month));
            Assert.That(first, Is.EqualTo(all.Count > 0 ? all[0] : (WrittenDate?)null));
        });
    }

    [TestCase("2020年第3期\n2019年1月2日", 2020)]
    [TestCase("封面\n 2021 \n正文2019年1月2日", 2021)]
    [TestCase("2019年1月2日,2020年3月4日", 2020)]
    [TestCase("2019年1月2日,2019年5月6日,2020年3月4日", 2019)]
    [TestCase("没有年份", null)]
    public void A_document_s_year_is_its_issue_its_cover_else_its_most_frequent_and_then_latest_dateline(string text, int? year) =>
        Assert.That(DateReader.DocumentYear(text), Is.EqualTo(year));
}
