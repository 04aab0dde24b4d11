namespace ValueChain.Procurement;

/// <summary>One version of a binding quotation; a price or validity change by its supplier makes the next version.</summary>
/// <param name="QuotationId">Its id, in order of creation from 1.</param>
/// <param name="Version">Its version, from 1.</param>
/// <param name="Supplier">Who made it and is paid for it: a supplier user, or a machine that supplies.</param>
/// <param name="SupplierCompany">The supplier's company, whose evaluation ranks it.</param>
/// <param name="MaterialNumber">The material offered (frozen).</param>
/// <param name="PricePerUnit">The price of one unit, in token base units.</param>
/// <param name="ValidFrom">The first ledger time at which it may be ordered.</param>
/// <param name="ValidUntil">The last ledger time at which it may be ordered.</param>
/// <param name="DeliveryTime">The promised time from order to arrival (frozen).</param>
/// <param name="RecordedAt">The ledger time this version was recorded.</param>
public sealed record Quotation(long QuotationId, int Version, Address Supplier, string SupplierCompany, string MaterialNumber, UInt256 PricePerUnit, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, TimeSpan DeliveryTime, DateTimeOffset RecordedAt)
{
    /// <summary>True when it may be ordered at <paramref name="time"/>.</summary>
    public bool IsValidAt(DateTimeOffset time) => ValidFrom <= time && time <= ValidUntil;
}
