using System.Collections.Concurrent;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// One <see cref="EthereumClient"/> per acting signer over one node, so that an application adapter can
/// take the signer per call (as the port does) while every account keeps its own nonce manager. The accounts share
/// one receipt watcher: many accounts waiting at once cost one polling loop (a head and one batch of receipts per
/// round), not one loop per account, each asking for the head again whenever another account's block arrives.
/// </summary>
public sealed class SignerClients : IDisposable
{
    private readonly ConcurrentDictionary<Address, Lazy<EthereumClient>> _clients = new();
    private readonly JsonRpcClient _rpc;
    private readonly EthereumClientOptions _clientOptions;
    private readonly TransactionSenderOptions _senderOptions;
    private readonly ReceiptWatcher _receipts;

    /// <summary>Creates the cache over <paramref name="rpc"/>; every client shares the options given.</summary>
    public SignerClients(JsonRpcClient rpc, EthereumClientOptions clientOptions, TransactionSenderOptions senderOptions)
    {
        _rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _clientOptions = clientOptions ?? throw new ArgumentNullException(nameof(clientOptions));
        _senderOptions = senderOptions ?? throw new ArgumentNullException(nameof(senderOptions));
        Reader = new EthereumClient(rpc, null, clientOptions);
        _receipts = new ReceiptWatcher(rpc, senderOptions);
    }

    /// <summary>A client without an account, for calls that read.</summary>
    public EthereumClient Reader { get; }

    /// <summary>The node's JSON-RPC client.</summary>
    public JsonRpcClient Rpc => _rpc;

    /// <summary>The client that sends as <paramref name="signer"/> (created on first use).</summary>
    public EthereumClient For(ISigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return _clients.GetOrAdd(
            signer.Address,
            _ => new Lazy<EthereumClient>(() => new EthereumClient(_rpc, new TransactionSender(_rpc, signer, _senderOptions, _receipts), _clientOptions))).Value;
    }

    /// <summary>The client that sends as <paramref name="signer"/>, or <see cref="Reader"/> when it is null (a read).</summary>
    public EthereumClient ClientFor(ISigner? signer) => signer is null ? Reader : For(signer);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Lazy<EthereumClient> client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Sender?.Dispose();
        }

        _clients.Clear();
        _receipts.Dispose();
    }
}
