namespace Ledger.Domain;

/// <summary>Goods in a gift: 3.5万只医用外科口罩 → (Mask, "医用外科口罩", 35000 at its figure, "只").</summary>
public sealed record DonatedItem(ItemCategory Category, string Name, Figure? Quantity, string? Unit);
