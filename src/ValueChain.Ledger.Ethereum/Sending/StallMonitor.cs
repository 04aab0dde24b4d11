using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Watches the transactions a sender has in flight and unblocks the account when it stops advancing: when
/// the account's mined nonce has not moved for <see cref="TransactionSenderOptions.StallTimeout"/> while the
/// transaction with that nonce is pending, that transaction is sent again with fees raised by 12.5 % (the
/// replacement nodes accept under the same nonce). Whoever waits for the original receipt gets the
/// replacement's. This covers an underpriced transaction on a busy chain, and anvil 1.7, whose pool now
/// and then leaves the next transaction of a burst queued although its nonce is due.
/// </summary>
internal sealed class StallMonitor(JsonRpcClient rpc, ISigner signer, ReceiptWatcher receipts, TransactionSenderOptions options, ILogger logger) : IDisposable
{
    private readonly SortedDictionary<ulong, InFlight> _inFlight = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private bool _running;

    /// <summary>Starts watching a transaction the node accepted.</summary>
    public void Track(EthereumTransaction numbered, Hash32 hash)
    {
        lock (_lock)
        {
            _inFlight[numbered.Nonce] = new InFlight(numbered, hash);
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = Task.Run(RunAsync);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        ulong lastMined = ulong.MaxValue;
        long lastProgress = Stopwatch.GetTimestamp();
        TimeSpan interval = options.StallTimeout / 4;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                ulong mined = Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", [signer.Address.ToLowerHex(), "latest"], _stop.Token).ConfigureAwait(false));
                InFlight? due;
                lock (_lock)
                {
                    foreach (ulong done in _inFlight.Keys.TakeWhile(nonce => nonce < mined).ToList())
                    {
                        _inFlight.Remove(done);
                    }

                    if (_inFlight.Count == 0)
                    {
                        _running = false;
                        return;
                    }

                    _inFlight.TryGetValue(mined, out due);
                }

                if (mined != lastMined)
                {
                    (lastMined, lastProgress) = (mined, Stopwatch.GetTimestamp());
                }
                else if (due is not null && Stopwatch.GetElapsedTime(lastProgress) >= options.StallTimeout && due.Replacements < options.StallReplacements)
                {
                    await ReplaceAsync(due).ConfigureAwait(false);
                    lastProgress = Stopwatch.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                // The node did not answer (or the signer failed) this round; the next round tries again.
                EthereumDriverLog.StallCheckFailed(logger, signer.Address, e);
            }
        }
    }

    private async Task ReplaceAsync(InFlight due)
    {
        EthereumTransaction bumped = due.Transaction with
        {
            MaxFeePerGas = Raise(due.Transaction.MaxFeePerGas),
            MaxPriorityFeePerGas = Raise(due.Transaction.MaxPriorityFeePerGas),
            GasPrice = Raise(due.Transaction.GasPrice),
        };
        byte[] raw = bumped.SignedSerialize(await signer.SignAsync(bumped.SigningHash()).ConfigureAwait(false));
        try
        {
            await rpc.CallAsync("eth_sendRawTransaction", [Hex.Encode(raw)], _stop.Token).ConfigureAwait(false);
        }
        catch (JsonRpcException)
        {
            return; // mined meanwhile ("nonce too low") or refused as a replacement: the next round looks again
        }

        Hash32 replacement = EthereumTransaction.Hash(raw);
        receipts.Alias(replacement, due.OriginalHash);
        EthereumDriverLog.StallReplaced(logger, signer.Address, bumped.Nonce, due.OriginalHash, replacement, due.Replacements + 1);
        lock (_lock)
        {
            _inFlight[bumped.Nonce] = due with { Transaction = bumped, Replacements = due.Replacements + 1 };
        }
    }

    // Nodes accept a replacement under the same nonce only with fees at least 10 % higher.
    private static UInt256 Raise(UInt256 fee) => fee.Value.IsZero ? fee : new UInt256(fee.Value + (fee.Value / 8) + 1);

    private sealed record InFlight(EthereumTransaction Transaction, Hash32 OriginalHash, int Replacements = 0);
}
