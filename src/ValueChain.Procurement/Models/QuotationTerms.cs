namespace ValueChain.Procurement;

/// <summary>
/// What a supplier offers in a quotation. Material number and delivery time are frozen once published; a
/// revision may change only the price and the validity window.
/// </summary>
/// <param name="MaterialNumber">The material offered.</param>
/// <param name="PricePerUnit">The price of one unit, in token base units (above zero).</param>
/// <param name="ValidFrom">The first ledger time at which it may be ordered.</param>
/// <param name="ValidUntil">The last ledger time at which it may be ordered (after <paramref name="ValidFrom"/>).</param>
/// <param name="DeliveryTime">The promised time from order to arrival (above zero).</param>
public sealed record QuotationTerms(string MaterialNumber, UInt256 PricePerUnit, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, TimeSpan DeliveryTime);
