namespace ValueChain.Ledger.InMemory;

/// <summary>An event as stored in a receipt.</summary>
/// <param name="Chaincode">The emitting chaincode.</param>
/// <param name="Name">The event name.</param>
/// <param name="PayloadJson">The payload as canonical JSON.</param>
public sealed record EventRecord(string Chaincode, string Name, string PayloadJson);
