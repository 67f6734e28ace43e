using System.Text.Json;
using Ledger.Domain;
using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

public class RecordJsonTests
{
    private static readonly DonationRecord Zhao = new()
    {
        Doc = "000_2e732f4b54f1ae42.txt",
        Line = 379,
        Evidence = "市政协委员赵国良先后向哈医大一院…捐赠护目镜、消毒液、医用消毒酒精等价值5万元医疗物资",
        Donor = "赵国良",
        DonorKind = DonorKind.Person,
        Recipients = ["哈医大一院", "哈医大二院"],
        GoodsValue = Figure.Exact(50000m),
        Items =
        [
            new DonatedItem(ItemCategory.Goggles, "护目镜", null, null),
            new DonatedItem(ItemCategory.ProtectiveSuit, "防护服", new Figure(3000m, Qualifier.AtLeast, 3000m, 3000m), "套"),
        ],
        CashOther = new Money(Figure.Exact(5000m), "USD"),
        Date = new DateOnly(2020, 2, 9),
    };

    [Test]
    public void Writes_json_lines_as_utf8_bytes_the_same_as_one_record_at_a_time()
    {
        var records = Seeds.Records.Take(20).Append(Zhao).ToList();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        RecordJson.WriteLines(records, buffer);

        Assert.That(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan),
            Is.EqualTo(string.Concat(records.Select(r => RecordJson.Write(r) + Environment.NewLine))));
    }

    [Test]
    public void Writes_the_exchange_format_of_the_spec_in_its_field_order()
    {
        var json = RecordJson.Write(Zhao);

        Assert.That(json, Does.StartWith("{\"doc\":\"000_2e732f4b54f1ae42.txt\",\"line\":379,\"evidence\":\"市政协委员赵国良"));
        Assert.That(json, Does.Contain("\"donor\":\"赵国良\",\"donor_alt\":[],\"donor_kind\":\"person\",\"recipients\":[\"哈医大一院\",\"哈医大二院\"],\"via\":null"));
        Assert.That(json, Does.Contain("\"cash_cny\":null,\"cash_qualifier\":null,\"goods_value_cny\":50000,\"goods_value_qualifier\":\"exact\",\"combined_cny\":null,\"combined_qualifier\":null"));
        Assert.That(json, Does.Contain("\"cash_other\":{\"amount\":5000,\"currency\":\"USD\",\"qualifier\":\"exact\"}"));
        Assert.That(json, Does.Contain("{\"category\":\"goggles\",\"name\":\"护目镜\",\"quantity\":null,\"unit\":null}"));
        Assert.That(json, Does.Contain("{\"category\":\"protective_suit\",\"name\":\"防护服\",\"quantity\":3000,\"unit\":\"套\"}"));
        Assert.That(json, Does.EndWith("\"date\":\"2020-02-09\",\"aggregate\":false,\"optional\":false}"));
        Assert.That(json, Does.Not.Contain("\n"));
    }

    [Test]
    public void Writes_figures_as_plain_numbers_without_trailing_zeros()
    {
        var json = RecordJson.Write(Zhao with { Cash = Figure.Exact(133.80m), GoodsValue = new Figure(255500.00m, Qualifier.AtMost, 0, 0) });

        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("cash_cny").GetRawText(), Is.EqualTo("133.8"));
        Assert.That(document.RootElement.GetProperty("goods_value_cny").GetRawText(), Is.EqualTo("255500"));
        Assert.That(document.RootElement.GetProperty("goods_value_qualifier").GetString(), Is.EqualTo("at_most"));
    }

    [Test]
    public void Every_record_of_the_seeds_is_one_line_of_valid_json()
    {
        foreach (var record in Seeds.Records)
        {
            var json = RecordJson.Write(record);
            Assert.DoesNotThrow(() => JsonDocument.Parse(json).Dispose(), json);
            Assert.That(json, Does.Not.Contain("\n"));
        }
    }
}
