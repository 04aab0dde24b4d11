namespace ValueChain.Chaincode;

/// <summary>The escrow's invariant: the open escrows add up to what its account holds.</summary>
/// <param name="Open">The sum of the amounts of every open escrow.</param>
/// <param name="Held">The token balance of the escrow's account.</param>
/// <param name="OpenCount">How many escrows are open.</param>
public sealed record EscrowHoldings(UInt256 Open, UInt256 Held, int OpenCount)
{
    /// <summary>True when the open escrows add up to the held balance exactly.</summary>
    public bool Balanced => Open == Held;
}
