using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Writes the on-disk index in the background, so that the producer's block costs only the block
/// file's append and flush. Blocks wait here, in memory and in order, from the moment their record
/// is durable until the index has committed them; readers see the index plus these pending blocks,
/// so every query answers as if indexing were immediate. The index's newest block is the durable
/// watermark: a crash loses at most pending index entries, which the next open rebuilds from the
/// block file. At most <see cref="MaxPending"/> blocks wait; beyond that the producer waits.
/// </summary>
internal sealed class BlockIndexer : IDisposable
{
    /// <summary>How many durable blocks may wait for the index before the producer waits for it.</summary>
    public const int MaxPending = 64;

    private readonly BlockIndex _index;
    private readonly Channel<PendingBlock> _queue = Channel.CreateBounded<PendingBlock>(
        new BoundedChannelOptions(MaxPending) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _lock = new();
    private readonly Task _worker;
    private PendingBlock[] _pending = [];
    private ExceptionDispatchInfo? _failure;

    public BlockIndexer(BlockIndex index)
    {
        _index = index;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>The durable blocks the index does not hold yet, oldest first; an immutable snapshot.</summary>
    public PendingBlock[] Pending => Volatile.Read(ref _pending);

    /// <summary>Hands over a durable block; waits while <see cref="MaxPending"/> blocks are waiting already.</summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The index could not be written: the indexer's failure, rethrown to the producer.</exception>
    public void Add(PendingBlock block)
    {
        Volatile.Read(ref _failure)?.Throw();
        lock (_lock)
        {
            Volatile.Write(ref _pending, [.. _pending, block]);
        }

        try
        {
            if (!_queue.Writer.TryWrite(block))
            {
                _queue.Writer.WriteAsync(block).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (ChannelClosedException)
        {
            // The indexer stopped on a failure while this block waited for room; the block stays pending (it is durable).
            Volatile.Read(ref _failure)?.Throw();
            throw;
        }
    }

    /// <summary>Indexes what is pending, then stops.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker.GetAwaiter().GetResult();
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingBlock>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Whatever has queued up goes into one index transaction: the index keeps up by batching.
            while (batch.Count < MaxPending && _queue.Reader.TryRead(out PendingBlock? block))
            {
                batch.Add(block);
            }

            try
            {
                _index.Add(batch);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The blocks are durable in the file; the next open indexes them. Until then the producer refuses to go on.
                Volatile.Write(ref _failure, ExceptionDispatchInfo.Capture(e));
                _queue.Writer.TryComplete();
                return;
            }

            lock (_lock)
            {
                Volatile.Write(ref _pending, _pending[batch.Count..]);
            }

            batch.Clear();
        }
    }
}
