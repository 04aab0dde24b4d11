namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Fees to offer for the next transactions. With <see cref="BaseFee"/> set the chain prices by
/// EIP-1559 and transactions are type 2; without it (a pre-London chain) <see cref="MaxFeePerGas"/> is the
/// legacy gas price.
/// </summary>
/// <param name="MaxFeePerGas">The most paid per gas: twice the next base fee plus the tip, so that it stays valid while the base fee rises for several blocks.</param>
/// <param name="MaxPriorityFeePerGas">The tip per gas for the block producer.</param>
/// <param name="BaseFee">The next block's base fee, or null on a chain without EIP-1559.</param>
public sealed record FeeSuggestion(UInt256 MaxFeePerGas, UInt256 MaxPriorityFeePerGas, UInt256? BaseFee)
{
    /// <summary>Whether transactions should be EIP-1559 (type 2).</summary>
    public bool IsEip1559 => BaseFee is not null;
}
