namespace ValueChain.Traceability;

/// <summary>A purchase order between two participants.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Buyer">The OEM or supplier that orders.</param>
/// <param name="Supplier">The supplier that delivers.</param>
/// <param name="PartNumber">The part type ordered.</param>
/// <param name="Quantity">How many.</param>
/// <param name="RequestedDeliveryDate">When the buyer wants them (ledger time).</param>
/// <param name="Status">Open, declined, in delivery or fulfilled.</param>
public sealed record Order(string OrderId, Address Buyer, Address Supplier, string PartNumber, int Quantity, DateTimeOffset RequestedDeliveryDate, OrderStatus Status);
