using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Waits for many receipts with one polling loop: each round asks the node for its head, and only when a
/// new block arrived (or a new wait began) for every awaited receipt, in batch requests. A new waiter
/// wakes the loop at once, so a lone transaction's receipt is asked for right after its send; while
/// blocks keep coming the loop polls again at once, and when nothing happens it backs off to the
/// configured interval. A thousand pipelined transactions cost a few batch requests per block instead of
/// a thousand polls per interval, and the node is not kept busy answering for blocks it has not made.
/// </summary>
internal sealed class ReceiptWatcher(JsonRpcClient rpc, TransactionSenderOptions options) : IDisposable
{
    private const int MaxBatch = 500;

    private readonly ConcurrentDictionary<Hash32, Waiter> _waiters = new();
    private readonly ConcurrentDictionary<Hash32, Hash32> _replacementOf = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _loopLock = new();
    private bool _looping;
    private long _arrivals;

    public async Task<TransactionReceipt> WaitAsync(Hash32 hash, CancellationToken cancellationToken)
    {
        // Callers of the same hash share one waiter; a failed one left behind is replaced by a fresh wait.
        Waiter waiter = _waiters.AddOrUpdate(
            hash,
            _ => new Waiter(Stopwatch.GetTimestamp()),
            (_, existing) => existing.Completion.Task.IsFaulted ? new Waiter(Stopwatch.GetTimestamp()) : existing);
        Interlocked.Increment(ref _arrivals);
        EnsureLoop();
        try
        {
            // A caller that gives up stops only its own wait; the others sharing the waiter go on.
            return await waiter.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (waiter.Completion.Task.IsCompleted)
            {
                _waiters.TryRemove(new KeyValuePair<Hash32, Waiter>(hash, waiter));
            }
        }
    }

    /// <summary>Completes the wait for <paramref name="original"/> with the receipt of <paramref name="replacement"/> when that one is mined.</summary>
    public void Alias(Hash32 replacement, Hash32 original) => _replacementOf[replacement] = original;

    private void EnsureLoop()
    {
        lock (_loopLock)
        {
            if (_looping)
            {
                _wake.Release();
                return;
            }

            _looping = true;
        }

        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        TimeSpan pause = TimeSpan.Zero;
        ulong? polledHead = null;
        long polledArrivals = -1;
        while (true)
        {
            lock (_loopLock)
            {
                if (_waiters.Values.All(w => w.Completion.Task.IsCompleted))
                {
                    _looping = false;
                    return;
                }
            }

            bool progressed;
            try
            {
                long arrivals = Volatile.Read(ref _arrivals);
                ulong head = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber", []).ConfigureAwait(false));
                progressed = head != polledHead || arrivals != polledArrivals;
                if (progressed)
                {
                    (polledHead, polledArrivals) = (head, arrivals);
                    await PollOnceAsync(head).ConfigureAwait(false);
                }
            }
            catch (Exception error) // the loop must survive anything, or every later wait would hang
            {
                // A node fault fails every current waiter; they decide whether to retry.
                foreach (Waiter waiter in _waiters.Values)
                {
                    waiter.Completion.TrySetException(error);
                }

                progressed = false;
            }

            FailExpired();
            pause = progressed ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(options.PollInterval.Ticks, Math.Max(TimeSpan.FromMilliseconds(1).Ticks, pause.Ticks * 2)));
            try
            {
                if (pause > TimeSpan.Zero)
                {
                    await _wake.WaitAsync(pause).ConfigureAwait(false);
                }

                while (_wake.CurrentCount > 0)
                {
                    _wake.Wait(0); // drain: one round serves every waiter that arrived meanwhile
                }
            }
            catch (ObjectDisposedException)
            {
                return; // the sender was disposed
            }
        }
    }

    // Every awaited receipt is asked for in each round, in batches of MaxBatch: a receipt must never wait
    // behind others that cannot arrive (transactions stuck behind a nonce gap).
    private async Task PollOnceAsync(ulong head)
    {
        foreach ((Hash32 hash, Waiter waiter) in _waiters)
        {
            if (waiter.Completion.Task.IsCompleted)
            {
                _waiters.TryRemove(new KeyValuePair<Hash32, Waiter>(hash, waiter)); // completed after its callers gave up
            }
        }

        foreach ((Hash32 replacement, Hash32 original) in _replacementOf)
        {
            if (!_waiters.TryGetValue(original, out Waiter? waiting) || waiting.Completion.Task.IsCompleted)
            {
                _replacementOf.TryRemove(replacement, out _); // the original was mined, or nobody waits any more
            }
        }

        IEnumerable<Hash32> awaited = _waiters.Where(w => !w.Value.Completion.Task.IsCompleted).Select(w => w.Key);
        IEnumerable<Hash32> replacements = _replacementOf.Where(r => _waiters.TryGetValue(r.Value, out Waiter? w) && !w.Completion.Task.IsCompleted).Select(r => r.Key);
        foreach (Hash32[] pending in awaited.Concat(replacements).Chunk(MaxBatch))
        {
            await PollAsync(pending, head).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(Hash32[] pending, ulong head)
    {
        IReadOnlyList<JsonRpcResult> results = await rpc.BatchAsync(
            [.. pending.Select(hash => new JsonRpcRequest("eth_getTransactionReceipt", hash.ToString()))]).ConfigureAwait(false);
        for (int i = 0; i < pending.Length; i++)
        {
            if (results[i].Error is { } refused)
            {
                // The node refused this one lookup: it fails this wait alone.
                Hash32 refusedHash = _replacementOf.TryGetValue(pending[i], out Hash32 of) ? of : pending[i];
                _ = _waiters.TryGetValue(refusedHash, out Waiter? failed) && failed.Completion.TrySetException(refused);
                continue;
            }

            JsonElement json = results[i].Result!.Value;
            if (json.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            TransactionReceipt receipt = TransactionReceipt.FromJson(json);
            if (options.Confirmations == 0 || head >= receipt.BlockNumber + (ulong)options.Confirmations)
            {
                Hash32 awaitedHash = _replacementOf.TryRemove(pending[i], out Hash32 original) ? original : pending[i];
                _ = _waiters.TryGetValue(awaitedHash, out Waiter? waiter) && waiter.Completion.TrySetResult(receipt);
            }
        }
    }

    private void FailExpired()
    {
        foreach ((Hash32 hash, Waiter waiter) in _waiters)
        {
            TimeSpan waited = Stopwatch.GetElapsedTime(waiter.Since);
            if (waited >= options.ReceiptTimeout)
            {
                waiter.Completion.TrySetException(new ReceiptTimeoutException(hash, waited));
            }
        }
    }

    public void Dispose() => _wake.Dispose();

    private sealed class Waiter(long since)
    {
        public long Since { get; } = since;

        public TaskCompletionSource<TransactionReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
