using System.Text;
using Ledger.Storage;

namespace Ledger.Tests.Dashboard;

/// <summary>
/// A ledger of ten thousand generated donations, ingested from generated reports by the library as
/// `ledger ingest` does, for looking at the dashboard the way a large ledger shows it: givers with
/// long names (a province, a city, a brand, a trade and a company form: up to about thirty
/// characters), a few of them giving often; about five hundred receivers (hospitals, disease control
/// centres, charities of many districts), some gifts shared by several; three years of months.
/// </summary>
internal static class LargeLedger
{
    private static readonly string[] Places =
    [
        "黑龙江省哈尔滨市", "新疆维吾尔自治区乌鲁木齐市", "内蒙古自治区呼和浩特市", "广东省深圳市", "浙江省杭州市", "江苏省苏州市",
        "吉林省长春市", "辽宁省沈阳市", "山东省青岛市", "四川省成都市", "广西壮族自治区南宁市", "湖北省武汉市",
    ];

    private static readonly string[] Brands = ["鸿运", "华信", "金桥", "瑞丰", "恒泰", "中科", "天成", "万达", "新阳", "北方", "宏图", "龙江", "丰泽", "远景", "博源", "盛世"];

    private static readonly string[] Trades =
    [
        "建筑工程", "生物医药科技", "国际物流供应链管理", "国际进出口贸易", "新能源汽车零部件制造", "农业科技发展", "电子商务",
        "房地产开发", "医疗器械", "环保节能技术", "文化传媒", "信息技术服务",
    ];

    private static readonly string[] Forms = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"];

    private static readonly string[] Cities = ["哈尔滨市", "齐齐哈尔市", "牡丹江市", "佳木斯市", "大庆市", "鸡西市", "双鸭山市", "伊春市", "绥化市", "黑河市"];

    private static readonly string[] Districts = ["道里区", "南岗区", "香坊区", "道外区", "松北区", "平房区", "呼兰区", "阿城区"];

    private static readonly string[] Institutions =
    [
        "人民医院", "中医医院", "疾病预防控制中心", "红十字会", "慈善总会", "妇幼保健院", "卫生健康局",
    ];

    // Goods and their measure words: more kinds than the supplies chart draws.
    private static readonly (string Goods, string Unit, int Step)[] Goods =
    [
        ("医用口罩", "只", 100), ("防护服", "套", 10), ("护目镜", "副", 10), ("医用手套", "副", 100), ("消毒液", "瓶", 10), ("消毒液", "吨", 1),
        ("酒精", "箱", 5), ("体温计", "支", 10), ("方便面", "箱", 10), ("矿泉水", "箱", 20), ("蔬菜", "吨", 1), ("药品", "盒", 50),
        ("呼吸机", "台", 1), ("隔离衣", "件", 20), ("面屏", "个", 20),
    ];

    public const int Givers = 3000;

    /// <summary>The receivers' names: every city's districts, each with its institutions.</summary>
    public static IReadOnlyList<string> Receivers { get; } =
        (from city in Cities from district in Districts from institution in Institutions select city + district + institution).ToList();

    /// <summary>The giver numbered <paramref name="n"/>: long company names, with an association and a person now and then.</summary>
    public static string Giver(int n) => (n % 23) switch
    {
        0 => $"{Cities[n / 23 % Cities.Length]}{Districts[n / 7 % Districts.Length]}{Brands[n / 31 % Brands.Length]}商会",
        11 => $"{"王李张刘陈杨赵黄周吴"[n % 10]}{"国建志秀海晓春"[n / 10 % 7]}{"良华明英军"[n / 70 % 5]}",
        _ => Places[n % Places.Length] + Brands[n / Places.Length % Brands.Length] + Trades[n / 7 % Trades.Length] + Forms[n / 5 % Forms.Length],
    };

    /// <summary>Reports of about three gifts each, <paramref name="gifts"/> gifts in all, each with a figure of its own, so hardly any is joined with another.</summary>
    public static IEnumerable<DocumentSource> Reports(int gifts)
    {
        var random = new Random(20200123);
        var written = 0;
        for (var r = 0; written < gifts; r++)
        {
            var month = r % 36;
            var text = new StringBuilder($"抗击疫情爱心捐赠公告（第{r + 1}期）\n\n{2020 + month / 12}年{1 + month % 12}月{1 + r % 28}日，");
            text.Append("社会各界踊跃捐款捐物。\n");
            for (var g = random.Next(2, 5); g > 0 && written < gifts; g--, written++)
            {
                // A long tail: low numbers give and receive often.
                var giver = Giver((int)(Math.Pow(random.NextDouble(), 2.5) * Givers));
                var receiver = Receivers[(int)(Math.Pow(random.NextDouble(), 2) * Receivers.Count)];
                // A figure of its own: ten thousand yuan and up, with the gift's number in it.
                var yuan = 10_000 + random.Next(0, 500) * 10_000 + written;
                var (goods, unit, step) = Goods[(int)(Math.Pow(random.NextDouble(), 1.5) * Goods.Length)];
                text.Append(random.Next(30) == 0
                    ? $"{giver}向{receiver}、{Receivers[random.Next(Receivers.Count)]}、{Receivers[random.Next(Receivers.Count)]}共同捐款{yuan}元。"
                    : random.Next(3) == 0
                        ? $"{giver}向{receiver}捐赠{goods}{random.Next(1, 100) * step}{unit}，价值{yuan}元。"
                        : $"{giver}向{receiver}捐款{yuan}元。").Append('\n');
            }
            var name = $"generated-{r:D5}.txt";
            var report = text.ToString();
            yield return new DocumentSource(name, () => report);
        }
    }

    /// <summary>Writes the ledger into <paramref name="path"/>: a little over ten thousand gifts, since a repeated one now and then is joined.</summary>
    /// <returns>The donations it holds.</returns>
    public static int Build(string path, int gifts = 10_050)
    {
        var database = LedgerDatabase.Open(path);
        var ingestion = new Ingestion(database);
        var donations = 0;
        foreach (var result in ingestion.IngestMany(Reports(gifts), year: 2020))
        {
            if (result.Outcome == IngestOutcome.Failed) throw new InvalidOperationException($"{result.Document}: {result.Error}");
            donations += result.NewDonations;
        }
        return donations;
    }
}
