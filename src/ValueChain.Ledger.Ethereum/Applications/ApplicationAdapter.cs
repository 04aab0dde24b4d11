using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The small base every application's Ethereum adapter builds on, so that what all of them do is written once:
/// the client of the signer a port call names, a send that waits for the receipt and turns a revert into the
/// chaincode's typed error, block times, and the translation of the application contracts' logs into
/// <see cref="LedgerEvent"/>s under the chaincode's name with the chaincode's event names and payloads (the one
/// event policy of every driver), numbered per transaction, for receipts and for log queries and subscriptions.
/// </summary>
/// <remarks>
/// A derived adapter says which addresses are its contracts (<see cref="EmittedByApplication"/>) and what a log of
/// theirs is as a chaincode event (<see cref="TranslateAsync"/>); it never reads RPC by hand.
/// </remarks>
public abstract class ApplicationAdapter
{
    /// <summary>Binds the adapter to <paramref name="clients"/>, emitting events as chaincode <paramref name="chaincodeName"/>.</summary>
    /// <param name="clients">One client per acting signer.</param>
    /// <param name="chaincodeName">The application chaincode's name (for example <c>traceability</c>), under which the events appear.</param>
    /// <param name="deploymentBlock">The first block of the application's contracts, where log queries start.</param>
    protected ApplicationAdapter(SignerClients clients, string chaincodeName, ulong deploymentBlock)
    {
        Clients = clients ?? throw new ArgumentNullException(nameof(clients));
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        ChaincodeName = chaincodeName;
        DeploymentBlock = deploymentBlock;
    }

    /// <summary>The clients, one per acting signer, and the reader.</summary>
    protected SignerClients Clients { get; }

    /// <summary>The chaincode name the events appear under.</summary>
    protected string ChaincodeName { get; }

    /// <summary>The first block log queries read.</summary>
    protected ulong DeploymentBlock { get; }

    /// <summary>The client that sends as <paramref name="signer"/>, or the reader when it is null.</summary>
    protected EthereumClient Client(ISigner? signer) => Clients.ClientFor(signer);

    /// <summary>Runs <paramref name="send"/> and translates the receipt's logs; a revert becomes a <see cref="ChaincodeException"/> with the chaincode's code.</summary>
    protected async Task<SentTransaction> SendAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await ContractFailures.AsChaincodeAsync(send).ConfigureAwait(false);
        return new SentTransaction(receipt, await EventsOfAsync(receipt.Logs, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Runs a read, turning a revert into a <see cref="ChaincodeException"/> with the chaincode's code.</summary>
    protected static Task<T> ReadAsync<T>(Func<Task<T>> read) => ContractFailures.AsChaincodeAsync(read);

    /// <summary>The timestamp of block <paramref name="block"/>.</summary>
    protected Task<DateTimeOffset> BlockTimeAsync(ulong block, CancellationToken cancellationToken) => Clients.Reader.GetBlockTimeAsync(block, cancellationToken);

    /// <summary>The timestamp of the newest block.</summary>
    protected Task<DateTimeOffset> LatestBlockTimeAsync(CancellationToken cancellationToken) => Clients.Reader.GetBlockTimeAsync(null, cancellationToken);

    /// <summary>
    /// The arguments of <paramref name="log"/>'s transaction when it called <paramref name="function"/> on the log's
    /// contract itself, or null when it called something else (a contract that called this one, say): what a log leaves
    /// out but its call's input holds, which any node gives for blocks of any age.
    /// </summary>
    protected async Task<object[]?> DirectCallArgumentsAsync(EthereumLog log, AbiFunction function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(function);
        JsonElement transaction = await Clients.Rpc.CallAsync("eth_getTransactionByHash", [log.TransactionHash.ToString()], cancellationToken).ConfigureAwait(false);
        bool direct = transaction.GetProperty("to") is { ValueKind: JsonValueKind.String } to && Address.Parse(to.GetString()!) == log.Address;
        byte[] input = Hex.Decode(transaction.GetProperty("input").GetString() ?? "", "input");
        return direct && input.Length >= 4 && input.AsSpan(0, 4).SequenceEqual(function.Selector)
            ? AbiDecoder.Decode(function.Inputs, input.AsSpan(4))
            : null;
    }

    /// <summary>Whether a log from <paramref name="emitter"/> belongs to this application.</summary>
    protected abstract bool EmittedByApplication(Address emitter);

    /// <summary>
    /// <paramref name="log"/> as the chaincode's event, or null when the chaincode emits nothing for it (a log kept
    /// only for history, say). <paramref name="transactionLogs"/> are the application's logs of the same transaction.
    /// What the log leaves out is taken, by one rule that every translator follows, as it stood after the log's
    /// transaction, however late the log is translated (a query of old blocks, a subscription catching up):
    /// <list type="bullet">
    /// <item>from the log itself, the same transaction's logs, its input (<see cref="DirectCallArgumentsAsync"/>) or
    /// sender, or the block (times) wherever they carry it: any node has them, for blocks of any age;</item>
    /// <item>state that never changes once written (or that only grows in a way the log bounds, as the first n approvals
    /// of an invitation) is read at the latest state: any node holds it, and it equals the state at the log's block;</item>
    /// <item>state that later transactions can change or delete is read at the log's block (the bindings' <c>atBlock</c>
    /// overloads), never on the latest state, which would show those later transactions.</item>
    /// </list>
    /// Each translator's documentation names its reads at the block and why they change.
    /// </summary>
    /// <remarks>
    /// A node that keeps only recent states (anvil the last 500 blocks' with <c>--max-persisted-states 0</c>, a geth full
    /// node the last 128) refuses a call at an older block. A translation that reads changeable state then fails with
    /// <see cref="StateUnavailableException"/> naming the block, rather than falling back to the latest state: that
    /// fallback would hand out, without a sign, a payload that another ledger does not give for the same transaction,
    /// and the one event policy is that every driver emits the same payloads. A caller that reads such events older than
    /// its node's state window needs an archive node, or catches the exception and starts later.
    /// </remarks>
    protected abstract Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken cancellationToken);

    /// <summary>The application events among <paramref name="logs"/> (chain order), indexed per transaction.</summary>
    protected async Task<IReadOnlyList<LedgerEvent>> EventsOfAsync(IEnumerable<EthereumLog> logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logs);
        EthereumLog[] own = [.. logs.Where(log => EmittedByApplication(log.Address))];
        var events = new List<LedgerEvent>();
        int index = 0;
        Hash32 transaction = default;
        foreach (EthereumLog log in own)
        {
            EthereumLog[] sameTransaction = [.. own.Where(other => other.TransactionHash == log.TransactionHash)];
            if (await TranslateAsync(log, sameTransaction, cancellationToken).ConfigureAwait(false) is not { } content)
            {
                continue;
            }

            index = log.TransactionHash == transaction ? index + 1 : 0;
            transaction = log.TransactionHash;
            events.Add(new LedgerEvent(ChaincodeName, content.Name, content.PayloadJson, (long)log.BlockNumber, new TxId(log.TransactionHash), index));
        }

        return events;
    }

    /// <summary>The application's events in blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>; blocks past the head are not waited for.</summary>
    protected async Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        ulong head = await Clients.Reader.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        ulong from = Math.Max(Block(fromBlock), DeploymentBlock);
        ulong to = Math.Min(Block(toBlock), head);
        if (from > to)
        {
            return [];
        }

        var logs = new List<EthereumLog>();
        await foreach (EthereumLog log in Clients.Reader.GetLogsAsync(new LogFilter(null, []), from, to, cancellationToken).ConfigureAwait(false))
        {
            logs.Add(log);
        }

        return await EventsOfAsync(logs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The application's events from block <paramref name="fromBlock"/> on, as blocks arrive: polls the head (every
    /// <see cref="EthereumClientOptions.LogPollInterval"/>) and delivers each new block's events whole.
    /// </summary>
    protected async IAsyncEnumerable<LedgerEvent> WatchEventsAsync(long fromBlock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ulong next = Block(fromBlock);
        while (true)
        {
            ulong head = await Clients.Reader.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
            if (head >= next)
            {
                foreach (LedgerEvent ledgerEvent in await GetEventsAsync((long)next, (long)head, cancellationToken).ConfigureAwait(false))
                {
                    yield return ledgerEvent;
                }

                next = head + 1;
            }
            else
            {
                await Task.Delay(Clients.Reader.Options.LogPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ulong Block(long number) => number < 0 ? throw new ArgumentOutOfRangeException(nameof(number), "Block numbers start at 0.") : (ulong)number;
}
