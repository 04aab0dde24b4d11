namespace ValueChain.Ledger;

/// <summary>One key of the world state with its current value.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The stored bytes.</param>
public sealed record StateEntry(string Key, ReadOnlyMemory<byte> Value);
