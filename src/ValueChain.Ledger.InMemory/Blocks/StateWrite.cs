namespace ValueChain.Ledger.InMemory;

/// <summary>One write of a transaction's write set: a value, or a deletion when <see cref="Value"/> is null.</summary>
/// <param name="Key">The stored key (chaincode namespace included).</param>
/// <param name="Value">The new value, or null for a deletion.</param>
public sealed record StateWrite(string Key, byte[]? Value);
