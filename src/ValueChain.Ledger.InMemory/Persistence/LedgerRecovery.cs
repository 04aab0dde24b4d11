using System.Diagnostics;
using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Rebuilds a persisted ledger's state on open: from the newest valid checkpoint, replaying only the
/// blocks after it, or from genesis when there is none. The blocks replayed are verified when
/// <see cref="InMemoryLedgerOptions.VerifyOnOpen"/> is set.
/// </summary>
internal static class LedgerRecovery
{
    /// <exception cref="ConfigurationException">The block file belongs to another network or producer.</exception>
    /// <exception cref="LedgerCorruptedException">A replayed block does not verify or does not read.</exception>
    public static LedgerOpenReport Recover(LedgerStore store, CheckpointStore checkpoints, InMemoryLedgerOptions options, Address producer)
    {
        var clock = Stopwatch.StartNew();
        IBlockHistory blocks = store.Blocks;
        long height = blocks.Count;
        if (height == 0)
        {
            return new LedgerOpenReport(null, 0, options.VerifyOnOpen, [], clock.Elapsed);
        }

        CheckGenesis(blocks.Get(0), options, producer);
        (LoadedCheckpoint? checkpoint, List<CheckpointProblem> problems) = checkpoints.LoadLatest(height, n => blocks.Get(n).Header);
        ChainReplay replay = checkpoint is null
            ? new ChainReplay(options.NetworkId, options.VerifyOnOpen)
            : ChainReplay.After(blocks.Get(checkpoint.BlockNumber).Header, checkpoint.State, checkpoint.Nonces, options.NetworkId, options.VerifyOnOpen);
        long first = replay.NextNumber;
        foreach (LedgerBlock block in blocks.Read(first, height))
        {
            long number = replay.NextNumber;
            if (replay.Apply(block) is { } problem)
            {
                throw new LedgerCorruptedException(number, problem);
            }
        }

        if (replay.NextNumber != height)
        {
            throw new LedgerCorruptedException(replay.NextNumber, $"the block file ends before block {height - 1}, which the index holds");
        }

        store.Restore(blocks.Get(height - 1), replay.State.Freeze(height - 1), replay.Nonces);
        return new LedgerOpenReport(checkpoint?.BlockNumber, height - first, options.VerifyOnOpen, problems, clock.Elapsed);
    }

    private static void CheckGenesis(LedgerBlock genesis, InMemoryLedgerOptions options, Address producer)
    {
        byte[]? network = genesis.GenesisWrites.FirstOrDefault(w => w.Key == InMemoryLedger.NetworkIdStateKey)?.Value;
        if (network is null || Encoding.UTF8.GetString(network) != options.NetworkId)
        {
            throw new ConfigurationException($"The block file in {options.DataDirectory} belongs to network '{(network is null ? "?" : Encoding.UTF8.GetString(network))}', not '{options.NetworkId}'.");
        }

        if (genesis.Header.Producer != producer)
        {
            throw new ConfigurationException($"The block file in {options.DataDirectory} was produced by {genesis.Header.Producer}, but the producer key is {producer}.");
        }
    }
}
