namespace ValueChain.Ledger.Fabric;

/// <summary>A block as the client reads it: its number and its chaincode transactions (configuration transactions are left out).</summary>
/// <param name="Number">The block number.</param>
/// <param name="Transactions">The chaincode transactions, in block order.</param>
public sealed record FabricBlock(long Number, IReadOnlyList<FabricBlockTransaction> Transactions);
