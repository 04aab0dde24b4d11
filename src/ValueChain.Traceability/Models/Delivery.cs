namespace ValueChain.Traceability;

/// <summary>A delivery of exact parts for an order, carried by a logistics provider.</summary>
/// <param name="DeliveryId">The delivery's id.</param>
/// <param name="OrderId">The order it fulfils.</param>
/// <param name="Lsp">The logistics provider.</param>
/// <param name="PartIds">The parts, in the order given.</param>
/// <param name="Status">Created, picked up or accepted.</param>
public sealed record Delivery(string DeliveryId, string OrderId, Address Lsp, IReadOnlyList<string> PartIds, DeliveryStatus Status);
