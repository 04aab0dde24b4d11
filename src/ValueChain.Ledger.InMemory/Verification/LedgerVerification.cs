namespace ValueChain.Ledger.InMemory;

/// <summary>The outcome of <see cref="InMemoryLedger.VerifyAsync"/>.</summary>
/// <param name="BlocksChecked">How many blocks were checked before the first failure (or in all).</param>
/// <param name="FirstInvalidBlock">The first block that does not verify, or null when all do.</param>
/// <param name="Problem">What does not match in that block.</param>
public sealed record LedgerVerification(long BlocksChecked, long? FirstInvalidBlock, string? Problem)
{
    /// <summary>True when every block verified.</summary>
    public bool IsValid => FirstInvalidBlock is null;

    /// <summary>Throws when the ledger did not verify.</summary>
    /// <exception cref="LedgerCorruptedException">Names the first bad block.</exception>
    public void EnsureValid()
    {
        if (FirstInvalidBlock is { } block)
        {
            throw new LedgerCorruptedException(block, Problem ?? "it does not verify");
        }
    }
}
