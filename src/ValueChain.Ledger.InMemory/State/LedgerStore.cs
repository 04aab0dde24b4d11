using System.Collections.Concurrent;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Everything committed: blocks, the state snapshot, transaction index, key history and nonces.
/// One writer (the block producer, or replay on open) publishes whole blocks; readers never lock
/// and never see part of a block.
/// </summary>
internal sealed class LedgerStore
{
    private readonly AppendOnlyList<LedgerBlock> _blocks = new();
    private readonly ConcurrentDictionary<TxId, (long Block, int Index)> _transactions = new();
    private readonly ConcurrentDictionary<string, AppendOnlyList<HistoryEntry>> _history = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Address, ulong> _nextNonces = new();
    private StateSnapshot _snapshot = StateSnapshot.Empty;
    private TaskCompletionSource _nextBlock = NewSignal();

    public AppendOnlyList<LedgerBlock> Blocks => _blocks;

    public StateSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public LedgerBlock? Head => _blocks.Count == 0 ? null : _blocks[_blocks.Count - 1];

    /// <summary>Completes when the next block is published.</summary>
    public Task NextBlock => Volatile.Read(ref _nextBlock).Task;

    public ulong NextNonce(Address sender) => _nextNonces.TryGetValue(sender, out ulong nonce) ? nonce : 0;

    public (long Block, int Index)? Locate(TxId id) => _transactions.TryGetValue(id, out var location) ? location : null;

    /// <summary>The committed versions of a stored key up to block <paramref name="lastBlock"/>, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History(string storedKey, long lastBlock)
    {
        if (!_history.TryGetValue(storedKey, out AppendOnlyList<HistoryEntry>? entries))
        {
            return [];
        }

        ArraySegment<HistoryEntry> all = entries.Snapshot();
        int count = all.Count;
        while (count > 0 && all[count - 1].BlockNumber > lastBlock)
        {
            count--;
        }

        return all[..count];
    }

    /// <summary>Publishes a block and the state after it. Indexes first, then the block, then the snapshot.</summary>
    public void Publish(LedgerBlock block, StateSnapshot state)
    {
        EmbeddedBlockHeader header = block.Header;
        AppendHistory(block.GenesisWrites, header.Number, default, header.Timestamp);
        for (int i = 0; i < block.Transactions.Count; i++)
        {
            SignedTransaction transaction = block.Transactions[i];
            ReceiptRecord receipt = block.Receipts[i];
            _transactions[transaction.Id] = (header.Number, i);
            _nextNonces[transaction.Transaction.Sender] = transaction.Transaction.Nonce + 1;
            AppendHistory(receipt.Writes, header.Number, transaction.Id, header.Timestamp);
        }

        _blocks.Add(block);
        Volatile.Write(ref _snapshot, state);
        Interlocked.Exchange(ref _nextBlock, NewSignal()).TrySetResult();
    }

    private void AppendHistory(IReadOnlyList<StateWrite> writes, long block, TxId transaction, DateTimeOffset timestamp)
    {
        foreach (StateWrite write in writes)
        {
            _history.GetOrAdd(write.Key, _ => new AppendOnlyList<HistoryEntry>())
                .Add(new HistoryEntry(block, transaction, timestamp, write.Value));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
