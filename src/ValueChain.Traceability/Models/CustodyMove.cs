namespace ValueChain.Traceability;

/// <summary>The payload of a custody move (pick-up or acceptance): which parts moved from whom to whom. Carries no order details.</summary>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="PartIds">The parts that moved.</param>
/// <param name="From">The previous holder.</param>
/// <param name="To">The new holder.</param>
/// <param name="Status">The parts' status after the move.</param>
public sealed record CustodyMove(string DeliveryId, IReadOnlyList<string> PartIds, Address From, Address To, PartStatus Status);
