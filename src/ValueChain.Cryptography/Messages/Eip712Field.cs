namespace ValueChain.Cryptography;

/// <summary>One member of an EIP-712 struct type.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Type">The Solidity type: an atomic type (uint64, address, bytes32 …), bytes, string, a struct name, or an array of any of them (T[] or T[k]).</param>
public sealed record Eip712Field(string Name, string Type);
