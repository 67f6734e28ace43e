using System.Text;

namespace Ledger.Benchmarks;

/// <summary>
/// Many short generated reports, for measuring `ledger ingest` as a user meets it: about three gifts
/// each, givers from a pool of 20,000 with a long tail (a few report often), one report in ten
/// repeating a gift of an earlier one, one in twenty stating a giver's total (累计).
/// </summary>
internal static class BulkReports
{
    private static readonly string[] Places = ["哈尔滨", "齐齐哈尔", "牡丹江", "佳木斯", "大庆", "鸡西", "双鸭山", "伊春", "绥化", "黑河"];
    private static readonly string[] Trades = ["建筑", "药业", "食品", "物流", "商贸", "电力", "机械", "农业", "科技", "能源"];
    private static readonly string[] Receivers = ["市红十字会", "市慈善总会", "哈医大一院", "市疾控中心", "市第一医院", "道里区卫生健康局"];

    public static (int Reports, int Gifts) Write(int reports, string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(20201203);
        var earlier = new List<string>();
        var gifts = 0;
        for (var r = 0; r < reports; r++)
        {
            var text = new StringBuilder($"抗击疫情爱心捐赠公告（第{r + 1}期）\n\n2020年{1 + r % 4}月{1 + r % 28}日,");
            text.Append("我市各界踊跃捐款捐物。\n");
            var count = random.Next(2, 5);
            for (var g = 0; g < count; g++)
            {
                string sentence;
                if (earlier.Count > 0 && random.Next(10) == 0) sentence = earlier[random.Next(earlier.Count)];
                else
                {
                    var n = (int)(Math.Pow(random.NextDouble(), 2) * 20_000);
                    var giver = $"{Places[n % Places.Length]}{Trades[n / Places.Length % Trades.Length]}第{n / 100 + 1}有限公司";
                    var receiver = Receivers[random.Next(Receivers.Length)];
                    sentence = random.Next(20) == 0
                        ? $"截至目前,{giver}累计捐款{random.Next(100, 900)}万元。"
                        : random.Next(3) switch
                        {
                            0 => $"{giver}向{receiver}捐款{random.Next(1, 500)}万元。",
                            1 => $"{giver}向{receiver}捐赠医用口罩{random.Next(1, 100) * 100}只,价值{random.Next(1, 50)}万元。",
                            _ => $"{giver}向{receiver}捐赠防护服{random.Next(1, 100) * 10}套。",
                        };
                    earlier.Add(sentence);
                }
                text.Append(sentence).Append('\n');
                gifts++;
            }
            File.WriteAllText(Path.Combine(folder, $"report-{r:D5}.txt"), text.ToString());
        }
        return (reports, gifts);
    }
}
