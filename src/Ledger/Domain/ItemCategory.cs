namespace Ledger.Domain;

/// <summary>Categories of donated goods, as in the extraction spec's table.</summary>
public enum ItemCategory
{
    Mask,
    ProtectiveSuit,
    IsolationGown,
    Goggles,
    FaceShield,
    Gloves,
    CapShoeCover,
    Disinfectant,
    Alcohol,
    Thermometer,
    Medicine,
    MedicalEquipment,
    Food,
    WaterDrinks,
    LivingSupplies,
    Other,
}
