namespace ValueChain.Traceability;

/// <summary>
/// One unit of inventory moving into (+1) or out of (−1) a participant's custody. Delivered at least
/// once: <see cref="BlockNumber"/> and <see cref="EventIndex"/> identify the ledger event, so a sink
/// can ignore a repeat after a restart.
/// </summary>
/// <param name="Participant">Whose inventory changed.</param>
/// <param name="PartId">The part.</param>
/// <param name="PartNumber">The part type.</param>
/// <param name="Delta">+1 received or registered, −1 handed over.</param>
/// <param name="BlockNumber">The ledger block of the event.</param>
/// <param name="EventIndex">The event's index in its block.</param>
public sealed record InventoryChange(Address Participant, string PartId, string PartNumber, int Delta, long BlockNumber, int EventIndex);
