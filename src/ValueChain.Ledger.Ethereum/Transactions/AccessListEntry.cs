namespace ValueChain.Ledger.Ethereum;

/// <summary>One entry of an EIP-2930 access list.</summary>
/// <param name="Address">The account.</param>
/// <param name="StorageKeys">Its storage slots.</param>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Hash32> StorageKeys);
