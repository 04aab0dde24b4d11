namespace ValueChain.Traceability;

/// <summary>A rejected handover, stored on the ledger and emitted to every participant.</summary>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="Stage">Pick-up or acceptance.</param>
/// <param name="RejectedBy">Who submitted the failing scan.</param>
/// <param name="Parts">The offending part ids with their reasons.</param>
/// <param name="Time">Ledger time.</param>
public sealed record HandoverRejection(string DeliveryId, HandoverStage Stage, Address RejectedBy, IReadOnlyList<RejectedPart> Parts, DateTimeOffset Time);
