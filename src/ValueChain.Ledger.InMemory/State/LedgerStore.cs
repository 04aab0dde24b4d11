using System.Collections.Concurrent;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Everything committed: the block history (in memory or on disk), the state snapshot and the nonces.
/// One writer (the block producer, or the recovery on open) publishes whole blocks; readers never
/// lock and never see part of a block.
/// </summary>
internal sealed class LedgerStore(IBlockHistory history) : IDisposable
{
    private readonly ConcurrentDictionary<Address, ulong> _nextNonces = new();
    private StateSnapshot _snapshot = StateSnapshot.Empty;
    private LedgerBlock? _head;
    private TaskCompletionSource _nextBlock = NewSignal();

    /// <summary>The committed blocks and their indexes.</summary>
    public IBlockHistory Blocks => history;

    public long Height => history.Count;

    public StateSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public LedgerBlock? Head => Volatile.Read(ref _head);

    /// <summary>Completes when the next block is published.</summary>
    public Task NextBlock => Volatile.Read(ref _nextBlock).Task;

    public ulong NextNonce(Address sender) => _nextNonces.TryGetValue(sender, out ulong nonce) ? nonce : 0;

    /// <summary>Every sender's next nonce, ordered by address.</summary>
    public KeyValuePair<Address, ulong>[] Nonces() => _nextNonces.OrderBy(n => n.Key).ToArray();

    public (long Block, int Index)? Locate(TxId id) => history.Locate(id);

    /// <summary>The committed versions of a stored key up to block <paramref name="lastBlock"/>, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History(string storedKey, long lastBlock) => history.History(storedKey, lastBlock);

    /// <summary>Stores a block and publishes it with the state after it: history first, then nonces, then the snapshot.</summary>
    public void Publish(LedgerBlock block, StateSnapshot state)
    {
        history.Append(block);
        foreach (SignedTransaction transaction in block.Transactions)
        {
            _nextNonces[transaction.Transaction.Sender] = transaction.Transaction.Nonce + 1;
        }

        Volatile.Write(ref _head, block);
        Volatile.Write(ref _snapshot, state);
        Interlocked.Exchange(ref _nextBlock, NewSignal()).TrySetResult();
    }

    /// <summary>Sets what the recovery on open rebuilt from stored blocks (and a checkpoint): nothing is appended.</summary>
    public void Restore(LedgerBlock head, StateSnapshot state, IEnumerable<KeyValuePair<Address, ulong>> nonces)
    {
        foreach ((Address sender, ulong next) in nonces)
        {
            _nextNonces[sender] = next;
        }

        Volatile.Write(ref _head, head);
        Volatile.Write(ref _snapshot, state);
    }

    /// <summary>Replaces a stored block of an in-memory ledger. Only tests use it, to simulate tampering with stored data.</summary>
    internal void ReplaceForTesting(int index, LedgerBlock block) => ((MemoryBlockHistory)history).ReplaceForTesting(index, block);

    public void Dispose() => history.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
