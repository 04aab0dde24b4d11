namespace ValueChain.V2V;

/// <summary>A batch of reports anchored in one transaction under its Merkle root (<see cref="ReportBatchTree"/>).</summary>
/// <param name="Root">The batch's root.</param>
/// <param name="Size">How many reports it holds.</param>
/// <param name="Submitter">Who submitted it (a vehicle or a relay; each report is signed by its reporter).</param>
/// <param name="AnchoredAt">The ledger time of its anchoring.</param>
/// <param name="FirstSequence">The ledger sequence of its first report; the others follow in batch order.</param>
public sealed record ReportBatch(Hash32 Root, int Size, Address Submitter, DateTimeOffset AnchoredAt, long FirstSequence);
