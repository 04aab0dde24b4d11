namespace ValueChain.Ledger;

/// <summary>An event emitted by a chaincode in a committed transaction.</summary>
/// <param name="Chaincode">The emitting chaincode.</param>
/// <param name="Name">The event name (for example "PartRegistered").</param>
/// <param name="PayloadJson">The event's payload as canonical JSON.</param>
/// <param name="BlockNumber">The block that holds the transaction.</param>
/// <param name="TransactionId">The emitting transaction.</param>
/// <param name="Index">The event's position among the events of its block, from 0.</param>
public sealed record LedgerEvent(string Chaincode, string Name, string PayloadJson, long BlockNumber, TxId TransactionId, int Index);
