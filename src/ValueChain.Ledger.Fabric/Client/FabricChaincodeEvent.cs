namespace ValueChain.Ledger.Fabric;

/// <summary>One ValueChain event of a Fabric transaction (unpacked from the transaction's one chaincode event).</summary>
/// <param name="Name">The event name.</param>
/// <param name="PayloadJson">The payload as emitted.</param>
public sealed record FabricChaincodeEvent(string Name, string PayloadJson);
