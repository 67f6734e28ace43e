namespace Ledger.Domain;

/// <summary>An amount in a currency other than yuan (ISO 4217 code); never converted into yuan.</summary>
public sealed record Money(Figure Amount, string Currency);
