namespace ValueChain.Traceability;

/// <summary>One event in a part's history.</summary>
/// <param name="PartId">The part.</param>
/// <param name="Type">What happened.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Location">Where, when known.</param>
/// <param name="Time">Ledger time.</param>
/// <param name="TransactionId">The transaction that recorded it.</param>
/// <param name="Related">A related id: the assembly or component, the delivery, the new owner, the rejection reason.</param>
public sealed record PartEvent(string PartId, PartEventType Type, Address Actor, Location? Location, DateTimeOffset Time, TxId TransactionId, string? Related);
