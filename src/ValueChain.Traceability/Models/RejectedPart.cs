namespace ValueChain.Traceability;

/// <summary>One part of a rejected handover and why it failed (an empty id for a delivery-wide reason such as <see cref="RejectionReason.Late"/>).</summary>
/// <param name="PartId">The offending part id.</param>
/// <param name="Reason">Why.</param>
public sealed record RejectedPart(string PartId, RejectionReason Reason);
