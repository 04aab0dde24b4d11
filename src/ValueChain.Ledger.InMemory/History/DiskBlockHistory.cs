namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The history of a persisted ledger: blocks read from the append-only block file, found through the
/// on-disk <see cref="BlockIndex"/>, with a bounded cache of recently used blocks. Memory does not grow
/// with the number of blocks. The index is written in the background (<see cref="BlockIndexer"/>); every
/// query adds the durable blocks still waiting for it, so its answers do not depend on the indexer's pace.
/// </summary>
internal sealed class DiskBlockHistory : IBlockHistory
{
    private readonly BlockFile _file;
    private readonly BlockIndex _index;
    private readonly BlockIndexer _indexer;
    private readonly BlockCache _cache;
    private long _count;

    private DiskBlockHistory(BlockFile file, BlockIndex index, int cacheBlocks, long count)
    {
        _file = file;
        _index = index;
        _cache = new BlockCache(cacheBlocks);
        _count = count;
        _indexer = new BlockIndexer(index);
    }

    public long Count => Volatile.Read(ref _count);

    /// <summary>
    /// Opens the block file and its index in <paramref name="directory"/>: checks that the index's last
    /// block is where it says, indexes the blocks the file holds beyond it (a crash can leave the index
    /// behind), rebuilds it when it does not match, and cuts a torn last record off the file.
    /// </summary>
    /// <exception cref="LedgerCorruptedException">A record other than the last one is damaged, or a record does not decode.</exception>
    public static DiskBlockHistory Open(string directory, int cacheBlocks)
    {
        BlockFile file = BlockFile.Open(directory);
        BlockIndex? index = null;
        try
        {
            index = BlockIndex.Open(directory);
            long offset = 0, next = 0;
            if (index.Last() is { } last)
            {
                if (file.TryRead(last.Offset, last.Length) is { } payload && SafeNumber(payload) == last.Number)
                {
                    (offset, next) = (last.Offset + last.Length, last.Number + 1);
                }
                else
                {
                    index.Reset();
                }
            }

            var behind = new List<PendingBlock>();
            foreach (BlockFileRecord record in file.Scan(offset, next))
            {
                behind.Add(new PendingBlock(BlockQueries.Decode(record.Payload, record.Index), record.Offset, record.Length));
                (offset, next) = (record.Offset + record.Length, record.Index + 1);
                if (behind.Count == BlockIndexer.MaxPending)
                {
                    index.Add(behind);
                    behind.Clear();
                }
            }

            index.Add(behind);

            file.Truncate(offset);
            return new DiskBlockHistory(file, index, cacheBlocks, next);
        }
        catch
        {
            index?.Dispose();
            file.Dispose();
            throw;
        }
    }

    public LedgerBlock Get(long number)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((ulong)number, (ulong)Count, nameof(number));
        if (_cache.TryGet(number, out LedgerBlock cached))
        {
            return cached;
        }

        if (Waiting(_indexer.Pending, number) is { } pending)
        {
            return pending.Block;
        }

        (long offset, int length) = _index.Where(number) ?? throw new LedgerCorruptedException(number, "the index does not know where its record lies");
        byte[] payload = _file.TryRead(offset, length) ?? throw new LedgerCorruptedException(number, $"its record at byte {offset} of {_file.Path} no longer checks");
        LedgerBlock block = BlockQueries.Decode(payload, number);
        if (block.Number != number)
        {
            throw new LedgerCorruptedException(number, $"the record at byte {offset} of {_file.Path} holds block {block.Number}");
        }

        _cache.Add(block);
        return block;
    }

    public IEnumerable<LedgerBlock> Read(long from, long to)
    {
        from = Math.Max(0, from);
        to = Math.Min(to, Count);
        if (from >= to)
        {
            yield break;
        }

        (long offset, _) = Waiting(_indexer.Pending, from) is { } pending ? (pending.Offset, pending.Length) : _index.Where(from) ?? throw new LedgerCorruptedException(from, "the index does not know where its record lies");
        foreach (BlockFileRecord record in _file.Scan(offset, from))
        {
            if (record.Index >= to)
            {
                yield break;
            }

            yield return _cache.TryGet(record.Index, out LedgerBlock cached) ? cached : BlockQueries.Decode(record.Payload, record.Index);
        }
    }

    public (long Block, int Index)? Locate(TxId id)
    {
        // The count first, then the pending blocks: any block below the count is either still pending or indexed.
        long count = Count;
        PendingBlock[] pending = _indexer.Pending;
        foreach ((long block, int index) in _index.Transactions(id))
        {
            if (block < count && Get(block).Transactions[index].Id == id)
            {
                return (block, index);
            }
        }

        foreach (PendingBlock waiting in pending)
        {
            for (int i = 0; i < waiting.Block.Transactions.Count && waiting.Block.Number < count; i++)
            {
                if (waiting.Block.Transactions[i].Id == id)
                {
                    return (waiting.Block.Number, i);
                }
            }
        }

        return null;
    }

    public IReadOnlyList<HistoryEntry> History(string storedKey, long lastBlock)
    {
        long last = Math.Min(lastBlock, Count - 1);
        PendingBlock[] pending = _indexer.Pending;
        List<HistoryEntry> entries = _index.History(storedKey, Math.Min(last, FirstPending(pending, last + 1) - 1));
        foreach (PendingBlock waiting in pending)
        {
            if (waiting.Block.Number <= last)
            {
                BlockQueries.History(waiting.Block, storedKey, entries);
            }
        }

        return entries;
    }

    public IReadOnlyList<LedgerEvent> Events(string chaincode, long from, long to)
    {
        long last = Math.Min(to, Count - 1);
        from = Math.Max(0, from);
        PendingBlock[] pending = _indexer.Pending;
        List<LedgerEvent> events = _index.Events(chaincode, from, Math.Min(last, FirstPending(pending, last + 1) - 1));
        foreach (PendingBlock waiting in pending)
        {
            if (waiting.Block.Number >= from && waiting.Block.Number <= last)
            {
                events.AddRange(BlockQueries.Events(waiting.Block, chaincode));
            }
        }

        return events;
    }

    /// <summary>Writes the block's record and flushes it; the index follows in the background.</summary>
    public void Append(LedgerBlock block)
    {
        (long offset, int length) = _file.Append(block.Encode());
        _indexer.Add(new PendingBlock(block, offset, length));
        _cache.Add(block);
        Volatile.Write(ref _count, block.Number + 1);
    }

    /// <summary>Lets the indexer finish what is pending (so a clean close leaves the index complete), then closes both files.</summary>
    public void Dispose()
    {
        _indexer.Dispose();
        _index.Dispose();
        _file.Dispose();
    }

    // Pending blocks are consecutive, so block n is at n minus the first's number.
    private static PendingBlock? Waiting(PendingBlock[] pending, long number)
    {
        long at = pending.Length == 0 ? -1 : number - pending[0].Block.Number;
        return at >= 0 && at < pending.Length ? pending[at] : null;
    }

    // Every block below the first pending one is in the index.
    private static long FirstPending(PendingBlock[] pending, long otherwise) => pending.Length == 0 ? otherwise : pending[0].Block.Number;

    private static long SafeNumber(byte[] payload)
    {
        try
        {
            return LedgerBlock.Decode(payload).Number;
        }
        catch (Exception e) when (e is InvalidDataException or ValueChainException or ArgumentException or OverflowException)
        {
            return -1;
        }
    }
}
