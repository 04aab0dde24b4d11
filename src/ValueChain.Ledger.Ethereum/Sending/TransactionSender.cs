using System.Diagnostics;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Sends transactions from one account with local nonce management. Nonces are assigned and sent in
/// order under a lock (the send itself is one fast RPC), so many concurrent callers pipeline without
/// gaps; receipts are awaited outside the lock. The nonce is resynchronised from the node after
/// "nonce too low", kept after a send the node refused (it was not used), checked by hash after a
/// transport fault, and a transaction the node dropped is sent again under a fresh nonce.
/// </summary>
public sealed class TransactionSender : IDisposable
{
    private readonly JsonRpcClient _rpc;
    private readonly ISigner _signer;
    private readonly TransactionSenderOptions _options;
    private readonly SemaphoreSlim _nonceLock = new(1, 1);
    private ulong? _nextNonce;

    /// <summary>Creates a sender for <paramref name="signer"/>'s account.</summary>
    public TransactionSender(JsonRpcClient rpc, ISigner signer, TransactionSenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChainId == 0 || options.ReceiptTimeout <= TimeSpan.Zero || options.Confirmations < 0)
        {
            throw new ConfigurationException("TransactionSenderOptions needs a ChainId, a positive ReceiptTimeout and Confirmations of 0 or more.");
        }

        (_rpc, _signer, _options) = (rpc, signer, options);
    }

    /// <summary>The sending account.</summary>
    public Address Address => _signer.Address;

    /// <summary>Signs <paramref name="transaction"/> with the next nonce and sends it; returns its hash.</summary>
    /// <exception cref="JsonRpcException">The node refused the transaction (the nonce is not used up).</exception>
    public async Task<Hash32> SendAsync(EthereumTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await _nonceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                ulong nonce = _nextNonce ??= await PendingNonceAsync(cancellationToken).ConfigureAwait(false);
                EthereumTransaction numbered = transaction with { ChainId = _options.ChainId, Nonce = nonce };
                byte[] signed = numbered.SignedSerialize(await _signer.SignAsync(numbered.SigningHash(), cancellationToken).ConfigureAwait(false));
                Hash32 hash = EthereumTransaction.Hash(signed);
                try
                {
                    await _rpc.CallAsync("eth_sendRawTransaction", [Hex.Encode(signed)], cancellationToken).ConfigureAwait(false);
                    _nextNonce = nonce + 1;
                    return hash;
                }
                catch (JsonRpcException error) when (attempt == 0 && IsStaleNonce(error))
                {
                    // Another client used this account, or our view is stale: take the node's view and retry once.
                    _nextNonce = null;
                }
                catch (NodeUnavailableException)
                {
                    // The send may have reached the node: only the node can say whether the nonce is used.
                    _nextNonce = await _rpc.CallAsync("eth_getTransactionByHash", [hash.ToString()], CancellationToken.None).ConfigureAwait(false)
                        is { ValueKind: JsonValueKind.Object } ? nonce + 1 : null;
                    throw;
                }
            }
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="transaction"/> and waits for its receipt with the configured confirmations.
    /// When the node drops it while pending, it is sent again under a fresh nonce.
    /// </summary>
    public async Task<TransactionReceipt> SendAndWaitAsync(EthereumTransaction transaction, CancellationToken cancellationToken = default)
    {
        for (int resend = 0; ; resend++)
        {
            Hash32 hash = await SendAsync(transaction, cancellationToken).ConfigureAwait(false);
            try
            {
                return await WaitForReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
            }
            catch (ReceiptTimeoutException) when (resend < _options.DroppedResends)
            {
                if (!await IsDroppedAsync(hash, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                await ResynchroniseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for the receipt of <paramref name="hash"/> and the configured confirmations.</summary>
    /// <exception cref="ReceiptTimeoutException">No receipt within <see cref="TransactionSenderOptions.ReceiptTimeout"/>.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(Hash32 hash, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            JsonElement json = await _rpc.CallAsync("eth_getTransactionReceipt", [hash.ToString()], cancellationToken).ConfigureAwait(false);
            if (json.ValueKind == JsonValueKind.Object)
            {
                TransactionReceipt receipt = TransactionReceipt.FromJson(json);
                ulong head = _options.Confirmations == 0 ? receipt.BlockNumber
                    : Quantity.ToUInt64(await _rpc.CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));
                if (head >= receipt.BlockNumber + (ulong)_options.Confirmations)
                {
                    return receipt;
                }
            }

            if (waited.Elapsed >= _options.ReceiptTimeout)
            {
                throw new ReceiptTimeoutException(hash, waited.Elapsed);
            }

            await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the local nonce; the next send takes the node's pending count.</summary>
    public async Task ResynchroniseAsync(CancellationToken cancellationToken = default)
    {
        await _nonceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        _nextNonce = null;
        _nonceLock.Release();
    }

    /// <inheritdoc />
    public void Dispose() => _nonceLock.Dispose();

    private async Task<ulong> PendingNonceAsync(CancellationToken cancellationToken) => Quantity.ToUInt64(
        await _rpc.CallAsync("eth_getTransactionCount", [_signer.Address.ToLowerHex(), "pending"], cancellationToken).ConfigureAwait(false));

    private async Task<bool> IsDroppedAsync(Hash32 hash, CancellationToken cancellationToken) =>
        (await _rpc.CallAsync("eth_getTransactionByHash", [hash.ToString()], cancellationToken).ConfigureAwait(false)).ValueKind == JsonValueKind.Null;

    private static bool IsStaleNonce(JsonRpcException error) =>
        error.RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase);
}
