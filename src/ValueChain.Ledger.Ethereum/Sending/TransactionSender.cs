using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Sends transactions from one account with local nonce management. Concurrent sends are group-committed:
/// one pump numbers everything queued with consecutive nonces, signs it and sends it all at once, so many
/// callers pipeline without gaps and the node can pack them into few blocks (on anvil, the batch's first
/// transaction follows the rest, so that it releases them into one block: see <see cref="BatchRelease"/>). The nonce is
/// resynchronised from the node after "nonce too low"; a send the node refused fails its caller and does
/// not use up a nonce (a refused nonce that later transactions of the same batch already depend on is
/// filled with a zero-value self-transfer, so they still land); after a transport fault the node is asked
/// by hash what arrived; a transaction the node dropped is sent again under a fresh nonce; and when the
/// account stops advancing, the due transaction is replaced with raised fees (see <see cref="TransactionSenderOptions.StallTimeout"/>).
/// </summary>
public sealed class TransactionSender : IDisposable
{
    // Transactions per JSON-RPC batch. Larger batches let a dev node mine many transactions per block (on anvil,
    // released first nonce last, 1000 single-part registrations take 0.85–1.1 s at 256 per batch); nodes accept
    // batches of this size by default (geth, Besu and Nethermind allow 1000 or more requests per batch).
    private const int MaxBatch = 256;

    private readonly JsonRpcClient _rpc;
    private readonly ISigner _signer;
    private readonly TransactionSenderOptions _options;
    private readonly SemaphoreSlim _nonceLock = new(1, 1);
    private readonly ReceiptWatcher _receipts;
    private readonly bool _ownsReceipts;
    private readonly ConcurrentQueue<QueuedSend> _queue = new();
    private readonly StallMonitor _stalls;
    private readonly ILogger _logger;
    private int _pumping;
    private ulong? _nextNonce;
    private bool? _nodeIsAnvil;

    /// <summary>Creates a sender for <paramref name="signer"/>'s account.</summary>
    public TransactionSender(JsonRpcClient rpc, ISigner signer, TransactionSenderOptions options)
        : this(rpc, signer, options, null)
    {
    }

    /// <summary>
    /// Creates a sender whose receipts are awaited by <paramref name="receipts"/>, a watcher shared with the other
    /// senders on the same node (one polling loop for all their receipts; the sender does not dispose it), or by a
    /// watcher of its own when it is null.
    /// </summary>
    internal TransactionSender(JsonRpcClient rpc, ISigner signer, TransactionSenderOptions options, ReceiptWatcher? receipts)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChainId == 0 || options.ReceiptTimeout <= TimeSpan.Zero || options.StallTimeout <= TimeSpan.Zero || options.Confirmations < 0
            || !Enum.IsDefined(options.BatchRelease))
        {
            throw new ConfigurationException("TransactionSenderOptions needs a ChainId, a positive ReceiptTimeout and StallTimeout, Confirmations of 0 or more and a defined BatchRelease.");
        }

        (_rpc, _signer, _options) = (rpc, signer, options);
        _logger = (ILogger?)options.LoggerFactory?.CreateLogger<TransactionSender>() ?? NullLogger.Instance;
        (_receipts, _ownsReceipts) = receipts is null ? (new ReceiptWatcher(rpc, options), true) : (receipts, false);
        _stalls = new StallMonitor(rpc, signer, _receipts, options, _logger);
    }

    /// <summary>The sending account.</summary>
    public Address Address => _signer.Address;

    /// <summary>
    /// Signs <paramref name="transaction"/> with the next nonce and sends it; returns its hash. Cancellation
    /// withdraws the transaction while it waits in the queue; once its batch is being signed and sent, it goes out.
    /// </summary>
    /// <exception cref="JsonRpcException">The node refused the transaction (the nonce is not used up).</exception>
    /// <exception cref="NodeUnavailableException">The node could not be reached and the transaction did not arrive.</exception>
    public Task<Hash32> SendAsync(EthereumTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        cancellationToken.ThrowIfCancellationRequested();
        var send = new QueuedSend(transaction, cancellationToken);
        _queue.Enqueue(send);
        if (Interlocked.CompareExchange(ref _pumping, 1, 0) == 0)
        {
            _ = Task.Run(PumpAsync, CancellationToken.None);
        }

        return send.Completion.Task;
    }

    /// <summary>
    /// Sends <paramref name="transaction"/> and waits for its receipt with the configured confirmations.
    /// When the node drops it while pending, it is sent again under a fresh nonce.
    /// </summary>
    public async Task<TransactionReceipt> SendAndWaitAsync(EthereumTransaction transaction, CancellationToken cancellationToken = default)
    {
        KeyValuePair<string, object?> chain = EthereumTelemetry.Chain(_options.ChainId);
        EthereumTelemetry.Pending.Add(1, chain);
        try
        {
            for (int resend = 0; ; resend++)
            {
                Hash32 hash = await SendAsync(transaction, cancellationToken).ConfigureAwait(false);
                try
                {
                    return await WaitForReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
                }
                catch (ReceiptTimeoutException timeout) when (resend < _options.DroppedResends)
                {
                    if (!await IsDroppedAsync(timeout.TransactionHash, cancellationToken).ConfigureAwait(false))
                    {
                        throw;
                    }

                    EthereumDriverLog.DroppedResent(_logger, timeout.TransactionHash, Address);
                    await ResynchroniseAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            EthereumTelemetry.Pending.Add(-1, chain);
        }
    }

    /// <summary>
    /// Waits for the receipt of <paramref name="hash"/> and the configured confirmations. All waits of this
    /// sender share one polling loop that asks for every awaited receipt in one batch request per round.
    /// </summary>
    /// <exception cref="ReceiptTimeoutException">No receipt within <see cref="TransactionSenderOptions.ReceiptTimeout"/>.</exception>
    public Task<TransactionReceipt> WaitForReceiptAsync(Hash32 hash, CancellationToken cancellationToken = default) =>
        _receipts.WaitAsync(hash, cancellationToken);

    /// <summary>Forgets the local nonce; the next send takes the node's pending count.</summary>
    public async Task ResynchroniseAsync(CancellationToken cancellationToken = default)
    {
        await _nonceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        _nextNonce = null;
        _nonceLock.Release();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stalls.Dispose();
        _nonceLock.Dispose();
        if (_ownsReceipts)
        {
            _receipts.Dispose();
        }
    }

    // Drains the queue batch by batch; the flag is cleared before the final emptiness check so that a
    // send queued meanwhile either is seen here or starts a new pump.
    private async Task PumpAsync()
    {
        while (true)
        {
            var batch = new List<QueuedSend>(Math.Min(MaxBatch, _queue.Count + 1));
            while (batch.Count < MaxBatch && _queue.TryDequeue(out QueuedSend? send))
            {
                if (!send.Completion.Task.IsCompleted)
                {
                    batch.Add(send);
                }
            }

            if (batch.Count > 0)
            {
                await _nonceLock.WaitAsync().ConfigureAwait(false);
                try
                {
                    await SendBatchAsync(batch).ConfigureAwait(false);
                }
                catch (Exception error) // the pump must survive anything (a failing signer too), or every later send would hang
                {
                    batch.ForEach(s => s.Completion.TrySetException(error));
                    _nextNonce = null; // whatever the batch used, the node knows
                }
                finally
                {
                    _nonceLock.Release();
                }

                continue;
            }

            Volatile.Write(ref _pumping, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _pumping, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task SendBatchAsync(List<QueuedSend> batch)
    {
        for (int attempt = 0; batch.Count > 0; attempt++)
        {
            ulong first = _nextNonce ??= await PendingNonceAsync().ConfigureAwait(false);
            var signed = new (EthereumTransaction Transaction, byte[] Raw, Hash32 Hash)[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                EthereumTransaction numbered = batch[i].Transaction with { ChainId = _options.ChainId, Nonce = first + (ulong)i };
                byte[] raw = numbered.SignedSerialize(await _signer.SignAsync(numbered.SigningHash()).ConfigureAwait(false));
                signed[i] = (numbered, raw, EthereumTransaction.Hash(raw));
            }

            bool firstNonceLast = signed.Length > 1 && await ReleasesFirstNonceLastAsync().ConfigureAwait(false);
            Outcome[] outcomes = await SubmitAsync(signed, firstNonceLast).ConfigureAwait(false);
            var stale = new List<QueuedSend>();
            int lastArrived = Array.FindLastIndex(outcomes, o => o.Arrived);
            for (int i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Arrived)
                {
                    _stalls.Track(signed[i].Transaction, signed[i].Hash);
                    batch[i].Completion.TrySetResult(signed[i].Hash);
                }
                else if (attempt == 0 && outcomes[i].Error is JsonRpcException error && IsStaleNonce(error) && i > lastArrived)
                {
                    EthereumDriverLog.NonceResynchronised(_logger, Address, error.RpcMessage);
                    stale.Add(batch[i]); // our nonce view is behind the node's: number it again below
                }
                else
                {
                    EthereumDriverLog.SendRefused(_logger, signed[i].Hash, signed[i].Transaction.Nonce, Address, outcomes[i].Error?.Message ?? "it did not arrive");
                    if (i < lastArrived)
                    {
                        EthereumDriverLog.GapFilled(_logger, signed[i].Transaction.Nonce, Address);
                        await FillGapAsync(signed[i].Transaction).ConfigureAwait(false);
                    }

                    batch[i].Completion.TrySetException(outcomes[i].Error ?? new NodeUnavailableException("eth_sendRawTransaction", "the transaction did not arrive"));
                }
            }

            // Nonces up to the last arrival are used (by a transaction or a gap filler); the rest are free.
            _nextNonce = outcomes.Any(o => o.Fault) ? null
                : lastArrived >= 0 ? first + (ulong)lastArrived + 1
                : first;
            if (stale.Count > 0)
            {
                _nextNonce = null;
            }

            batch = stale;
        }
    }

    // The node's answers in nonce order. The batch goes out in nonce order as one JSON-RPC batch, since
    // separate concurrent requests would let later nonces overtake earlier ones; or (see BatchRelease) its
    // first transaction follows the rest in a request of its own.
    private async Task<Outcome[]> SubmitAsync((EthereumTransaction Transaction, byte[] Raw, Hash32 Hash)[] signed, bool firstNonceLast)
    {
        try
        {
            IReadOnlyList<JsonRpcResult> results;
            if (firstNonceLast)
            {
                IReadOnlyList<JsonRpcResult> rest = await SendRawAsync(signed[1..]).ConfigureAwait(false);
                results = [.. await SendRawAsync(signed[..1]).ConfigureAwait(false), .. rest];
            }
            else
            {
                results = await SendRawAsync(signed).ConfigureAwait(false);
            }

            return [.. results.Select(r => r.Error is { } error && !IsAlreadyKnown(error) ? new Outcome(false, error, false) : new Outcome(true, null, false))];
        }
        catch (NodeUnavailableException fault)
        {
            // The batch may have reached the node: only the node can say which transactions it holds.
            EthereumDriverLog.NodeUnreachable(_logger, signed.Length, Address, fault.Message);
            IReadOnlyList<JsonRpcResult> known = await _rpc.BatchAsync(
                [.. signed.Select(s => new JsonRpcRequest("eth_getTransactionByHash", s.Hash.ToString()))], CancellationToken.None).ConfigureAwait(false);
            return [.. known.Select(k => k.Error is null && k.Result is { ValueKind: JsonValueKind.Object }
                ? new Outcome(true, null, false)
                : new Outcome(false, fault, true))];
        }
    }

    private Task<IReadOnlyList<JsonRpcResult>> SendRawAsync((EthereumTransaction Transaction, byte[] Raw, Hash32 Hash)[] signed) =>
        _rpc.BatchAsync([.. signed.Select(s => new JsonRpcRequest("eth_sendRawTransaction", Hex.Encode(s.Raw)))]);

    private async Task<bool> ReleasesFirstNonceLastAsync() => _options.BatchRelease switch
    {
        BatchRelease.FirstNonceLast => true,
        BatchRelease.InNonceOrder => false,
        _ => _nodeIsAnvil ??= await IsAnvilAsync().ConfigureAwait(false),
    };

    private async Task<bool> IsAnvilAsync() => NodeKind.IsAnvil(await NodeKind.ClientVersionAsync(_rpc, CancellationToken.None).ConfigureAwait(false));

    // A zero-value transfer to ourselves under a refused transaction's nonce, so that the transactions
    // numbered after it in the same batch, which the node already holds, can be mined.
    private async Task FillGapAsync(EthereumTransaction refused)
    {
        EthereumTransaction filler = refused with { To = Address, Value = default, Data = [], GasLimit = 21_000, AccessList = [] };
        byte[] raw = filler.SignedSerialize(await _signer.SignAsync(filler.SigningHash()).ConfigureAwait(false));
        try
        {
            await _rpc.CallAsync("eth_sendRawTransaction", [Hex.Encode(raw)]).ConfigureAwait(false);
        }
        catch (JsonRpcException)
        {
            // The nonce was taken after all (another client of this account): the later transactions can proceed.
        }
    }

    private async Task<ulong> PendingNonceAsync() => Quantity.ToUInt64(
        await _rpc.CallAsync("eth_getTransactionCount", [_signer.Address.ToLowerHex(), "pending"]).ConfigureAwait(false));

    private async Task<bool> IsDroppedAsync(Hash32 hash, CancellationToken cancellationToken) =>
        (await _rpc.CallAsync("eth_getTransactionByHash", [hash.ToString()], cancellationToken).ConfigureAwait(false)).ValueKind == JsonValueKind.Null;

    private static bool IsStaleNonce(JsonRpcException error) =>
        error.RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase);

    // The node already holds exactly this transaction (a resend of the same bytes): it arrived.
    private static bool IsAlreadyKnown(JsonRpcException error) =>
        error.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("already imported", StringComparison.OrdinalIgnoreCase);

    private sealed record Outcome(bool Arrived, ValueChainException? Error, bool Fault);

    private sealed class QueuedSend
    {
        public QueuedSend(EthereumTransaction transaction, CancellationToken cancellationToken)
        {
            Transaction = transaction;
            // A caller that gives up before its batch is signed leaves the queue without using a nonce.
            cancellationToken.Register(() => Completion.TrySetCanceled(cancellationToken));
        }

        public EthereumTransaction Transaction { get; }

        public TaskCompletionSource<Hash32> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
