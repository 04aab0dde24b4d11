namespace ValueChain.Procurement;

/// <summary>What a machine orders: the quotation version it ranked, and how much.</summary>
/// <param name="OrderId">The order's id, printed on the package and scanned on arrival; never reused.</param>
/// <param name="MaterialNumber">The slot to fill: the quotation must be for this material, and the machine must have a slot for it.</param>
/// <param name="QuotationId">The chosen quotation.</param>
/// <param name="QuotationVersion">The version the machine ranked; a superseded version is refused.</param>
/// <param name="Quantity">How many units (above zero, and fitting the slot's free space).</param>
public sealed record OrderRequest(string OrderId, string MaterialNumber, long QuotationId, int QuotationVersion, long Quantity);
