namespace ValueChain.Diagnostics;

/// <summary>One call to a ledger, as its span and metrics name it.</summary>
/// <param name="Network">The ledger instance: the embedded network id, the Ethereum chain id, the Fabric channel.</param>
/// <param name="Contract">The chaincode, or the Ethereum contract.</param>
/// <param name="Function">The function called.</param>
public sealed record LedgerCall(string Network, string Contract, string Function);
