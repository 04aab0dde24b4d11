namespace ValueChain.Ledger.InMemory;

/// <summary>Verifies a whole chain from genesis with a <see cref="ChainReplay"/>; reports the first block that does not match.</summary>
internal static class LedgerVerifier
{
    public static LedgerVerification Verify(IEnumerable<LedgerBlock> blocks, string networkId, CancellationToken cancellationToken)
    {
        var replay = new ChainReplay(networkId, verify: true);
        try
        {
            foreach (LedgerBlock block in blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long number = replay.NextNumber;
                if (replay.Apply(block) is { } problem)
                {
                    return new LedgerVerification(number, number, problem);
                }
            }
        }
        catch (LedgerCorruptedException e)
        {
            // A stored record that no longer reads is that block's failure, not the verifier's.
            return new LedgerVerification(e.BlockNumber, e.BlockNumber, e.Reason);
        }

        return replay.NextNumber == 0 ? new LedgerVerification(0, 0, "the ledger has no genesis block") : new LedgerVerification(replay.NextNumber, null, null);
    }
}
