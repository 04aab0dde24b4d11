using System.Collections.Concurrent;

namespace ValueChain.Ledger.InMemory;

/// <summary>The purely in-memory history of a ledger without a data directory: every block and index held as objects.</summary>
internal sealed class MemoryBlockHistory : IBlockHistory
{
    private readonly AppendOnlyList<LedgerBlock> _blocks = new();
    private readonly ConcurrentDictionary<TxId, (long Block, int Index)> _transactions = new();
    private readonly ConcurrentDictionary<string, AppendOnlyList<HistoryEntry>> _history = new(StringComparer.Ordinal);

    public long Count => _blocks.Count;

    public LedgerBlock Get(long number) => _blocks[checked((int)number)];

    public IEnumerable<LedgerBlock> Read(long from, long to)
    {
        ArraySegment<LedgerBlock> blocks = _blocks.Snapshot();
        for (long n = Math.Max(0, from); n < Math.Min(to, blocks.Count); n++)
        {
            yield return blocks[(int)n];
        }
    }

    public (long Block, int Index)? Locate(TxId id) => _transactions.TryGetValue(id, out var location) ? location : null;

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

    public IReadOnlyList<LedgerEvent> Events(string chaincode, long from, long to) =>
        Read(from, Math.Min(to, Count - 1) + 1).SelectMany(block => BlockQueries.Events(block, chaincode)).ToList();

    /// <summary>Indexes first, then the block: a reader that sees the block finds its transactions and history.</summary>
    public void Append(LedgerBlock block)
    {
        EmbeddedBlockHeader header = block.Header;
        AppendHistory(block.GenesisWrites, header.Number, default, header.Timestamp);
        for (int i = 0; i < block.Transactions.Count; i++)
        {
            _transactions[block.Transactions[i].Id] = (header.Number, i);
            AppendHistory(block.Receipts[i].Writes, header.Number, block.Transactions[i].Id, header.Timestamp);
        }

        _blocks.Add(block);
    }

    /// <summary>Replaces a stored block in place. Only tests use it, to simulate tampering with stored data.</summary>
    internal void ReplaceForTesting(int index, LedgerBlock block) => _blocks.ReplaceForTesting(index, block);

    public void Dispose()
    {
    }

    private void AppendHistory(IReadOnlyList<StateWrite> writes, long block, TxId transaction, DateTimeOffset timestamp)
    {
        foreach (StateWrite write in writes)
        {
            _history.GetOrAdd(write.Key, _ => new AppendOnlyList<HistoryEntry>())
                .Add(new HistoryEntry(block, transaction, timestamp, write.Value));
        }
    }
}
