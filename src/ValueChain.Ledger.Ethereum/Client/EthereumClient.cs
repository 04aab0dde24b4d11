using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// What contract bindings call: read-only calls, gas estimates with a margin, fee suggestions, sends
/// that wait for the receipt, deployments and log queries and subscriptions. Reverts, whether seen
/// in a call, an estimate or a mined transaction, surface as the typed exceptions of
/// <see cref="RevertDecoder"/> with the contract's custom errors.
/// </summary>
public sealed class EthereumClient
{
    private readonly EthereumClientOptions _options;
    private readonly Lock _feeLock = new();
    private (FeeSuggestion Fees, long At)? _cachedFees;

    /// <summary>Creates a client; without a <paramref name="sender"/> it can read but not send.</summary>
    public EthereumClient(JsonRpcClient rpc, TransactionSender? sender, EthereumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(options);
        if (options.GasMarginPercent is < 0 or > 1000 || options.LogPageBlocks == 0 || options.Confirmations < 0)
        {
            throw new ConfigurationException("EthereumClientOptions needs GasMarginPercent in 0..1000, LogPageBlocks above 0 and Confirmations of 0 or more.");
        }

        (Rpc, Sender, _options) = (rpc, sender, options);
    }

    /// <summary>The JSON-RPC connection.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>The sending account's sender, or null for a read-only client.</summary>
    public TransactionSender? Sender { get; }

    /// <summary>The sending account, or null for a read-only client.</summary>
    public Address? Account => Sender?.Address;

    /// <summary>The options this client was created with.</summary>
    public EthereumClientOptions Options => _options;

    /// <summary>Fails with a <see cref="ConfigurationException"/> when the node serves another chain than configured.</summary>
    public async Task CheckChainAsync(CancellationToken cancellationToken = default)
    {
        ulong actual = Quantity.ToUInt64(await Rpc.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false));
        if (actual != _options.ChainId)
        {
            throw new ConfigurationException($"The node at the RPC URL serves chain {actual}, but ChainId is {_options.ChainId}; transactions signed for one are refused by the other.");
        }
    }

    /// <summary>The newest block number.</summary>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        Quantity.ToUInt64(await Rpc.CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));

    /// <summary>The timestamp of block <paramref name="block"/>, or of the newest block when it is null.</summary>
    public Task<DateTimeOffset> GetBlockTimeAsync(ulong? block = null, CancellationToken cancellationToken = default) => BlockTime.OfAsync(Rpc, block, cancellationToken);

    /// <summary>What the node says it is (<c>web3_clientVersion</c>, for example <c>anvil/v1.7.0</c>), or null when it does not say.</summary>
    public Task<string?> GetClientVersionAsync(CancellationToken cancellationToken = default) => NodeKind.ClientVersionAsync(Rpc, cancellationToken);

    /// <summary>The balance of <paramref name="account"/> in wei.</summary>
    public async Task<UInt256> GetBalanceAsync(Address account, CancellationToken cancellationToken = default) =>
        Quantity.ToUInt256(await Rpc.CallAsync("eth_getBalance", [account.ToLowerHex(), "latest"], cancellationToken).ConfigureAwait(false));

    /// <summary>Executes <paramref name="data"/> against <paramref name="to"/> without a transaction and returns what it returned.</summary>
    /// <param name="to">The contract.</param>
    /// <param name="data">The call data.</param>
    /// <param name="errors">The contract's custom errors, to decode a revert.</param>
    /// <param name="block">The block whose state to use: a number, or null for the latest.</param>
    /// <param name="value">Wei sent with the call, for payable functions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    /// <exception cref="StateUnavailableException">The node no longer holds (or does not yet have) the state of <paramref name="block"/>.</exception>
    public Task<byte[]> CallAsync(
        Address to, byte[] data, IReadOnlyList<AbiError>? errors = null, ulong? block = null, UInt256 value = default, CancellationToken cancellationToken = default) =>
        CallAsync(new ContractCall(to, data), errors, block, value, cancellationToken);

    /// <summary>Executes <paramref name="call"/> without a transaction and returns what it returned, in a <c>valuechain.evaluate</c> span named after the call.</summary>
    /// <param name="call">The contract, the call data and their names.</param>
    /// <param name="errors">The contract's custom errors, to decode a revert.</param>
    /// <param name="block">The block whose state to use: a number, or null for the latest.</param>
    /// <param name="value">Wei sent with the call, for payable functions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    /// <exception cref="StateUnavailableException">The node no longer holds (or does not yet have) the state of <paramref name="block"/>.</exception>
    public Task<byte[]> CallAsync(
        ContractCall call, IReadOnlyList<AbiError>? errors = null, ulong? block = null, UInt256 value = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        Address to = call.To ?? throw new ArgumentException("A call needs the contract's address.", nameof(call));
        return EthereumTelemetry.Ledger.EvaluateAsync(Telemetry(call), async () =>
        {
            try
            {
                object? result = await CallOrRevertAsync(CallObject(to, call.Data, value), block is { } number ? Quantity.From(number) : "latest", errors, cancellationToken).ConfigureAwait(false);
                return Hex.Decode(((JsonElement)result!).GetString()!, "result");
            }
            catch (JsonRpcException refusal) when (block is { } number && StateUnavailableException.Says(refusal))
            {
                throw new StateUnavailableException(number, refusal);
            }
        });
    }

    /// <summary>The gas <paramref name="data"/> needs, with the configured margin.</summary>
    /// <exception cref="ContractRevertedException">The transaction would revert.</exception>
    public async Task<ulong> EstimateGasAsync(Address? to, byte[] data, UInt256 value = default, IReadOnlyList<AbiError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            ulong estimate = Quantity.ToUInt64(await Rpc.CallAsync("eth_estimateGas", [CallObject(to, data, value)], cancellationToken).ConfigureAwait(false));
            return estimate + (estimate * (ulong)_options.GasMarginPercent / 100);
        }
        catch (JsonRpcException error) when (error.RevertData is { } revert)
        {
            throw RevertDecoder.Decode(revert, errors);
        }
    }

    /// <summary>
    /// Fees for the next transactions from the node's fee history: the next block's base fee and the
    /// configured percentile of recent tips. Reused for <see cref="EthereumClientOptions.FeeCacheDuration"/>.
    /// </summary>
    public async Task<FeeSuggestion> SuggestFeesAsync(CancellationToken cancellationToken = default)
    {
        lock (_feeLock)
        {
            if (_cachedFees is { } cached && Stopwatch.GetElapsedTime(cached.At) < _options.FeeCacheDuration)
            {
                return cached.Fees;
            }
        }

        FeeSuggestion fees = await AskFeesAsync(cancellationToken).ConfigureAwait(false);
        lock (_feeLock)
        {
            _cachedFees = (fees, Stopwatch.GetTimestamp());
        }

        return fees;
    }

    /// <summary>
    /// Sends a transaction to <paramref name="to"/> (a deployment when null) and waits for its receipt.
    /// The gas is estimated with the margin unless <paramref name="gasLimit"/> is given.
    /// </summary>
    /// <exception cref="ContractRevertedException">The estimate or the mined transaction reverted; nothing changed.</exception>
    public Task<TransactionReceipt> SendAsync(
        Address? to, byte[] data, UInt256 value = default, IReadOnlyList<AbiError>? errors = null, ulong? gasLimit = null, CancellationToken cancellationToken = default) =>
        SendAsync(new ContractCall(to, data), value, errors, gasLimit, cancellationToken);

    /// <summary>
    /// Sends <paramref name="call"/> in a transaction and waits for its receipt, in a <c>valuechain.submit</c> span named
    /// after the call and counted as submitted, then committed, failed (reverted) or refused (the node refused the send).
    /// The gas is estimated with the margin unless <paramref name="gasLimit"/> is given.
    /// </summary>
    /// <exception cref="ContractRevertedException">The estimate or the mined transaction reverted; nothing changed.</exception>
    public Task<TransactionReceipt> SendAsync(
        ContractCall call, UInt256 value = default, IReadOnlyList<AbiError>? errors = null, ulong? gasLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(call.Data);
        return EthereumTelemetry.Ledger.SubmitAsync(
            Telemetry(call),
            () => SendAndExplainAsync(call.To, call.Data, value, errors, gasLimit, cancellationToken),
            receipt => new TransactionOutcome(new TxId(receipt.TransactionHash), (long)receipt.BlockNumber),
            static e => e is JsonRpcException or TransactionRejectedException);
    }

    private async Task<TransactionReceipt> SendAndExplainAsync(Address? to, byte[] data, UInt256 value, IReadOnlyList<AbiError>? errors, ulong? gasLimit, CancellationToken cancellationToken)
    {
        TransactionSender sender = Sender ?? throw new InvalidOperationException("This EthereumClient has no signer; configure one to send transactions.");
        Task<FeeSuggestion> fees = SuggestFeesAsync(cancellationToken);
        ulong gas = gasLimit ?? await EstimateGasAsync(to, data, value, errors, cancellationToken).ConfigureAwait(false);
        FeeSuggestion fee = await fees.ConfigureAwait(false);
        var transaction = new EthereumTransaction
        {
            Type = fee.IsEip1559 ? 2 : 0,
            To = to,
            Value = value,
            Data = data,
            GasLimit = gas,
            MaxFeePerGas = fee.IsEip1559 ? fee.MaxFeePerGas : default,
            MaxPriorityFeePerGas = fee.IsEip1559 ? fee.MaxPriorityFeePerGas : default,
            GasPrice = fee.IsEip1559 ? default : fee.MaxFeePerGas,
        };
        TransactionReceipt receipt = await sender.SendAndWaitAsync(transaction, cancellationToken).ConfigureAwait(false);
        EthereumTelemetry.Gas.Record((long)receipt.GasUsed, EthereumTelemetry.Chain(_options.ChainId));
        Activity.Current?.SetTag(TelemetryNames.TransactionId, receipt.TransactionHash.ToString());
        Activity.Current?.SetTag(TelemetryNames.BlockNumber, (long)receipt.BlockNumber);
        return receipt.Succeeded ? receipt : throw await ExplainRevertAsync(transaction, receipt, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deploys <paramref name="bytecode"/> with its encoded <paramref name="constructorArguments"/>; returns the receipt with the new address.</summary>
    public async Task<TransactionReceipt> DeployAsync(
        byte[] bytecode, byte[] constructorArguments, UInt256 value = default, IReadOnlyList<AbiError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytecode);
        ArgumentNullException.ThrowIfNull(constructorArguments);
        if (bytecode.Length == 0)
        {
            throw new ValueChainFormatException(nameof(bytecode), "", "the bytecode is empty (an interface or abstract contract cannot be deployed)");
        }

        TransactionReceipt receipt = await SendAsync(new ContractCall(null, [.. bytecode, .. constructorArguments]), value, errors, null, cancellationToken).ConfigureAwait(false);
        return receipt.ContractAddress is not null ? receipt : throw new ValueChainException(ErrorCodes.NodeError, $"The deployment {receipt.TransactionHash} succeeded but the node reported no contract address.");
    }

    /// <summary>
    /// The logs matching <paramref name="filter"/> in blocks <paramref name="fromBlock"/> to
    /// <paramref name="toBlock"/> (inclusive), queried in pages of <see cref="EthereumClientOptions.LogPageBlocks"/>
    /// blocks; a page the node refuses as too large is split in halves.
    /// </summary>
    public async IAsyncEnumerable<EthereumLog> GetLogsAsync(
        LogFilter filter, ulong fromBlock, ulong toBlock, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ulong next = fromBlock;
        ulong page = _options.LogPageBlocks;
        while (next <= toBlock)
        {
            ulong last = Math.Min(toBlock, next + page - 1);
            JsonElement logs;
            try
            {
                logs = await Rpc.CallAsync("eth_getLogs", [filter.ToJson(next, last)], cancellationToken).ConfigureAwait(false);
            }
            catch (JsonRpcException error) when (last > next && IsPageTooLarge(error))
            {
                page = Math.Max(1, (last - next + 1) / 2);
                continue;
            }

            foreach (JsonElement log in logs.EnumerateArray())
            {
                yield return EthereumLog.FromJson(log);
            }

            next = last + 1;
        }
    }

    /// <summary>
    /// Every log matching <paramref name="filter"/> from <paramref name="fromBlock"/> on, delivered once
    /// its block has <see cref="EthereumClientOptions.Confirmations"/> blocks on top (so a reorganisation
    /// shallower than that never shows), by polling the head; runs until cancelled.
    /// </summary>
    public async IAsyncEnumerable<EthereumLog> WatchLogsAsync(
        LogFilter filter, ulong fromBlock, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ulong next = fromBlock;
        while (true)
        {
            ulong head = await GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
            if (head >= next + (ulong)_options.Confirmations)
            {
                ulong safe = head - (ulong)_options.Confirmations;
                await foreach (EthereumLog log in GetLogsAsync(filter, next, safe, cancellationToken).ConfigureAwait(false))
                {
                    yield return log;
                }

                next = safe + 1;
            }
            else
            {
                await Task.Delay(_options.LogPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<FeeSuggestion> AskFeesAsync(CancellationToken cancellationToken)
    {
        JsonElement history = await Rpc.CallAsync("eth_feeHistory", [Quantity.From(5), "latest", new[] { _options.PriorityFeePercentile }], cancellationToken).ConfigureAwait(false);
        if (!history.TryGetProperty("baseFeePerGas", out JsonElement baseFees) || baseFees.GetArrayLength() == 0
            || baseFees[baseFees.GetArrayLength() - 1].GetString() is null or "0x0")
        {
            // A chain without EIP-1559: legacy gas price.
            UInt256 gasPrice = Quantity.ToUInt256(await Rpc.CallAsync("eth_gasPrice", [], cancellationToken).ConfigureAwait(false));
            return new FeeSuggestion(gasPrice, gasPrice, null);
        }

        // The last base fee of the history is the next block's.
        UInt256 nextBaseFee = Quantity.ToUInt256(baseFees[baseFees.GetArrayLength() - 1]);
        BigInteger[] tips = history.TryGetProperty("reward", out JsonElement rewards)
            ? [.. rewards.EnumerateArray().Where(r => r.GetArrayLength() > 0).Select(r => Quantity.ToUInt256(r[0]).Value).Order()]
            : [];
        BigInteger tip = tips.Length > 0 ? tips[tips.Length / 2] : BigInteger.Zero;
        var priority = new UInt256(BigInteger.Max(tip, _options.MinPriorityFee.Value));
        return new FeeSuggestion(new UInt256((nextBaseFee.Value * 2) + priority.Value), priority, nextBaseFee);
    }

    // Replays a reverted transaction as a call on the state before its block to learn why it reverted.
    private async Task<ContractRevertedException> ExplainRevertAsync(
        EthereumTransaction transaction, TransactionReceipt receipt, IReadOnlyList<AbiError>? errors, CancellationToken cancellationToken)
    {
        Dictionary<string, object?> call = CallObject(transaction.To, transaction.Data, transaction.Value);
        call["gas"] = Quantity.From(transaction.GasLimit);
        try
        {
            await CallOrRevertAsync(call, Quantity.From(receipt.BlockNumber == 0 ? 0 : receipt.BlockNumber - 1), errors, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException revert)
        {
            return revert;
        }

        return new ContractRevertedException(
            ErrorCodes.ContractReverted, $"Transaction {receipt.TransactionHash} reverted in block {receipt.BlockNumber}; replaying it did not revert, so the reason is unknown (out of gas, or state changed within the block).", ReadOnlyMemory<byte>.Empty);
    }

    private async Task<object?> CallOrRevertAsync(Dictionary<string, object?> call, string block, IReadOnlyList<AbiError>? errors, CancellationToken cancellationToken)
    {
        try
        {
            return await Rpc.CallAsync("eth_call", [call, block], cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException error) when (error.RevertData is { } revert)
        {
            throw RevertDecoder.Decode(revert, errors);
        }
    }

    private Dictionary<string, object?> CallObject(Address? to, byte[] data, UInt256 value)
    {
        var call = new Dictionary<string, object?> { ["data"] = Hex.Encode(data) };
        if (to is { } target)
        {
            call["to"] = target.ToLowerHex();
        }

        if (Account is { } from)
        {
            call["from"] = from.ToLowerHex();
        }

        if (!value.Value.IsZero)
        {
            call["value"] = Quantity.From(value);
        }

        return call;
    }

    private LedgerCall Telemetry(ContractCall call) => new(_options.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Contract, call.Function);

    private static bool IsPageTooLarge(JsonRpcException error) =>
        error.RpcCode == -32005
        || error.RpcMessage.Contains("too many", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("range", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("limit", StringComparison.OrdinalIgnoreCase);
}
