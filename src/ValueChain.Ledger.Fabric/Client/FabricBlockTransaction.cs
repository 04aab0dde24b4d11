namespace ValueChain.Ledger.Fabric;

/// <summary>A chaincode transaction read from a block.</summary>
/// <param name="TransactionId">Fabric's transaction id.</param>
/// <param name="Chaincode">The invoked chaincode.</param>
/// <param name="Timestamp">The proposal's timestamp: the transaction's ledger time.</param>
/// <param name="IsValid">Whether the peers validated it (only valid transactions changed state).</param>
/// <param name="Events">Its events.</param>
public sealed record FabricBlockTransaction(TxId TransactionId, string Chaincode, DateTimeOffset Timestamp, bool IsValid, IReadOnlyList<FabricChaincodeEvent> Events);
