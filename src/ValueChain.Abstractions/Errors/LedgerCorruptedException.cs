namespace ValueChain;

/// <summary>A stored ledger does not verify; <see cref="BlockNumber"/> names the first bad block.</summary>
public sealed class LedgerCorruptedException : ValueChainException
{
    /// <summary>Creates a corruption error.</summary>
    /// <param name="blockNumber">The first block that does not verify.</param>
    /// <param name="reason">What does not match.</param>
    public LedgerCorruptedException(long blockNumber, string reason)
        : base(ErrorCodes.LedgerCorrupted, $"The ledger is corrupted at block {blockNumber}: {reason}")
    {
        BlockNumber = blockNumber;
        Reason = reason;
    }

    /// <summary>The first block that does not verify.</summary>
    public long BlockNumber { get; }

    /// <summary>What does not match.</summary>
    public string Reason { get; }
}
