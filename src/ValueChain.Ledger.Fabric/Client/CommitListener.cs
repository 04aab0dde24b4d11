using System.Collections.Concurrent;
using Grpc.Core;

namespace ValueChain.Ledger.Fabric.Client;

/// <summary>
/// One filtered Deliver stream from a peer, shared by every submit of a client: waiters register a
/// transaction id before the transaction is sent, and the stream starts at the newest block, so no
/// commit can pass unseen. Reconnects after the last block it saw when the stream breaks.
/// </summary>
internal sealed class CommitListener : IAsyncDisposable
{
    private readonly Protos.Deliver.DeliverClient _deliver;
    private readonly string _peer;
    private readonly Func<ulong?, Common.Envelope> _seek;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(long Block, Protos.TxValidationCode Code)>> _waiters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private TaskCompletionSource? _ready;
    private Task? _loop;

    public CommitListener(Protos.Deliver.DeliverClient deliver, string peer, Func<ulong?, Common.Envelope> seek)
    {
        _deliver = deliver;
        _peer = peer;
        _seek = seek;
    }

    /// <summary>Registers interest in <paramref name="transactionId"/>; await the result after sending the transaction.</summary>
    public async Task<Task<(long Block, Protos.TxValidationCode Code)>> WatchAsync(string transactionId, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var waiter = new TaskCompletionSource<(long, Protos.TxValidationCode)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[transactionId] = waiter;
        return waiter.Task;
    }

    public void Forget(string transactionId) => _waiters.TryRemove(transactionId, out _);

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_ready is { Task.IsCompletedSuccessfully: true } && _loop is { IsCompleted: false })
        {
            return;
        }

        await _startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loop is null || _loop.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _loop = Task.Run(() => ListenAsync(_stop.Token), CancellationToken.None);
            }
        }
        finally
        {
            _startLock.Release();
        }

        await _ready!.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        ulong? next = null;
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using AsyncDuplexStreamingCall<Common.Envelope, Protos.DeliverResponse> call = _deliver.DeliverFiltered(cancellationToken: stop);
                await call.RequestStream.WriteAsync(_seek(next), stop).ConfigureAwait(false);
                await foreach (Protos.DeliverResponse response in call.ResponseStream.ReadAllAsync(stop).ConfigureAwait(false))
                {
                    if (response.TypeCase == Protos.DeliverResponse.TypeOneofCase.Status)
                    {
                        throw new FabricConnectionException(_peer, (int)response.Status, $"the peer ended the commit stream with status {response.Status}");
                    }

                    Protos.FilteredBlock block = response.FilteredBlock;
                    foreach (Protos.FilteredTransaction transaction in block.FilteredTransactions)
                    {
                        if (_waiters.TryRemove(transaction.Txid, out var waiter))
                        {
                            waiter.TrySetResult(((long)block.Number, transaction.TxValidationCode));
                        }
                    }

                    next = block.Number + 1;
                    failures = 0;
                    _ready!.TrySetResult();
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RpcException or FabricConnectionException or IOException)
            {
                if (++failures >= 5)
                {
                    var error = e as FabricConnectionException ?? new FabricConnectionException(_peer, (int)((e as RpcException)?.StatusCode ?? StatusCode.Unavailable), e.Message, e);
                    _ready!.TrySetException(error);
                    foreach (var waiter in _waiters.Values)
                    {
                        waiter.TrySetException(error);
                    }

                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * failures), stop).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
        _startLock.Dispose();
    }
}
