namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The history of a persisted ledger: blocks read from the append-only block file, found through the
/// on-disk <see cref="BlockIndex"/>, with a bounded cache of recently used blocks. Memory does not grow
/// with the number of blocks.
/// </summary>
internal sealed class DiskBlockHistory : IBlockHistory
{
    private readonly BlockFile _file;
    private readonly BlockIndex _index;
    private readonly BlockCache _cache;
    private long _count;

    private DiskBlockHistory(BlockFile file, BlockIndex index, int cacheBlocks, long count)
    {
        _file = file;
        _index = index;
        _cache = new BlockCache(cacheBlocks);
        _count = count;
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

            foreach (BlockFileRecord record in file.Scan(offset, next))
            {
                index.Add(BlockQueries.Decode(record.Payload, record.Index), record.Offset, record.Length);
                (offset, next) = (record.Offset + record.Length, record.Index + 1);
            }

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

        (long offset, _) = _index.Where(from) ?? throw new LedgerCorruptedException(from, "the index does not know where its record lies");
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
        long count = Count;
        foreach ((long block, int index) in _index.Transactions(id))
        {
            if (block < count && Get(block).Transactions[index].Id == id)
            {
                return (block, index);
            }
        }

        return null;
    }

    public IReadOnlyList<HistoryEntry> History(string storedKey, long lastBlock) => _index.History(storedKey, Math.Min(lastBlock, Count - 1));

    public IReadOnlyList<LedgerEvent> Events(string chaincode, long from, long to) =>
        _index.Events(chaincode, Math.Max(0, from), Math.Min(to, Count - 1));

    public void Append(LedgerBlock block)
    {
        (long offset, int length) = _file.Append(block.Encode());
        _index.Add(block, offset, length);
        _cache.Add(block);
        Volatile.Write(ref _count, block.Number + 1);
    }

    public void Dispose()
    {
        _index.Dispose();
        _file.Dispose();
    }

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
