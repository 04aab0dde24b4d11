namespace ValueChain.Chaincode;

/// <summary>The payload of ERC-20's <c>Approval</c> event.</summary>
/// <param name="Owner">The account whose tokens may be spent.</param>
/// <param name="Spender">The account that may spend them.</param>
/// <param name="Value">The allowance now set, in base units.</param>
public sealed record TokenApproval(Address Owner, Address Spender, UInt256 Value);
