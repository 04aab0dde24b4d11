namespace ValueChain.Ledger.Ethereum;

/// <summary>What an application adapter makes of one contract log: the chaincode's event name and payload JSON.</summary>
/// <param name="Name">The event name, as the application's chaincode emits it.</param>
/// <param name="PayloadJson">The payload, byte for byte as the chaincode emits it.</param>
public sealed record LedgerEventContent(string Name, string PayloadJson);
