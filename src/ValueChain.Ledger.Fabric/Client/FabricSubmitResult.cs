namespace ValueChain.Ledger.Fabric;

/// <summary>A transaction that committed as valid.</summary>
/// <param name="TransactionId">Fabric's transaction id.</param>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="Result">The chaincode's response payload.</param>
/// <param name="Events">Its events, in the order the chaincode emitted them.</param>
public sealed record FabricSubmitResult(TxId TransactionId, long BlockNumber, ReadOnlyMemory<byte> Result, IReadOnlyList<FabricChaincodeEvent> Events);
