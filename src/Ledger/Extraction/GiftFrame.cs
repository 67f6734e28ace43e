using Ledger.Domain;

namespace Ledger.Extraction;

/// <summary>
/// A gift being assembled from the clauses of one sentence: who, to whom, which figures and goods.
/// Clauses that add to the same gift merge into one frame; a clause that would overwrite a figure
/// starts a new one.
/// </summary>
internal sealed class GiftFrame
{
    public required int Start { get; init; }
    public string? Donor { get; set; }
    public bool DonorStated { get; set; }
    public List<string> Recipients { get; } = [];
    public string? Via { get; set; }
    public Figure? Cash { get; set; }
    public Figure? GoodsValue { get; set; }
    public Figure? Combined { get; set; }
    public Money? CashOther { get; set; }
    public List<FoundItem> Items { get; } = [];
    public TriggerRole? Role { get; set; }
    public bool TotalCue { get; set; }
    public bool IsPart { get; set; }

    /// <summary>The clause opens another gift (另2000套防护服…).</summary>
    public bool StartsAnew { get; set; }
    public bool Each { get; set; }
    public int End { get; set; }

    public bool HasTrigger => Role is not null;
    public bool HasFigures => Cash is not null || GoodsValue is not null || Combined is not null || CashOther is not null
                              || Items.Any(i => i.Item.Quantity is not null);

    public bool HasQuantifiedItems => Items.Any(i => i.Item.Quantity is not null);

    /// <summary>Whether <paramref name="next"/> can be read as more of this gift.</summary>
    public bool CanAbsorb(GiftFrame next)
    {
        if (next.IsPart || next.StartsAnew && next.HasFigures) return false;
        // 其中企业家捐款…,捐献酒精…: after a part, a new verb speaks of the whole again.
        if (IsPart && next.HasTrigger && !next.DonorStated) return false;
        if (next.DonorStated && Donor is not null && next.Donor != Donor) return false;
        if (Clash(Cash, next.Cash) || Clash(GoodsValue, next.GoodsValue) || Clash(Combined, next.Combined)) return false;
        if (CashOther is not null && next.CashOther is not null) return false;
        // 为15个乡镇卫生院捐赠药品100件 after 捐赠口服液6400盒: a second gift with its own goods.
        if (next.HasTrigger && HasQuantifiedItems && next.HasQuantifiedItems) return false;
        // 另2000套防护服…: more goods of a kind already counted are another batch.
        if (!next.HasTrigger && HasQuantifiedItems && next.Items.Any(n => n.Item.Quantity is not null
                && Items.Any(i => i.Item.Quantity is not null && i.Item.Category == n.Item.Category))) return false;
        // 捐款133.80元,并向医院…捐赠物资: a new verb with its own goods and receivers is another gift.
        if (next.HasTrigger && !next.HasFigures && next.Items.Count > 0 && next.Recipients.Count > 0 && HasFigures
            && !next.Recipients.Intersect(Recipients).Any()) return false;
        if (next.HasTrigger && next.HasFigures && HasFigures && next.Recipients.Count > 0 && Recipients.Count > 0
            && !next.Recipients.SequenceEqual(Recipients)) return false;
        return true;
    }

    private static bool Clash(Figure? a, Figure? b) => a is not null && b is not null;

    public void Absorb(GiftFrame next)
    {
        Donor ??= next.Donor;
        DonorStated |= next.DonorStated;
        foreach (var r in next.Recipients)
            if (!Recipients.Contains(r)) Recipients.Add(r);
        Via ??= next.Via;
        Cash ??= next.Cash;
        GoodsValue ??= next.GoodsValue;
        Combined ??= next.Combined;
        CashOther ??= next.CashOther;
        Items.AddRange(next.Items);
        Role ??= next.Role;
        TotalCue |= next.TotalCue;
        Each |= next.Each;
        End = Math.Max(End, next.End);
    }
}
