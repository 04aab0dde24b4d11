namespace ValueChain.Chaincode;

/// <summary>The payload of ERC-20's <c>Transfer</c> event (a mint comes from the zero address).</summary>
/// <param name="From">The account debited, or <see cref="Address.Zero"/> for a mint.</param>
/// <param name="To">The account credited.</param>
/// <param name="Value">The amount in base units.</param>
public sealed record TokenTransfer(Address From, Address To, UInt256 Value);
