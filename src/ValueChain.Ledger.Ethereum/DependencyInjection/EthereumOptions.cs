namespace ValueChain.Ledger.Ethereum;

/// <summary>Settings of the Ethereum driver, given to <c>UseEthereum(o => …)</c>.</summary>
public sealed class EthereumOptions
{
    /// <summary>The node's JSON-RPC URL (http or https).</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>The chain id; checked against the node when the host starts.</summary>
    public ulong ChainId { get; set; }

    /// <summary>The signer of this participant's transactions. Set this or <see cref="KeystorePath"/>, or neither for a read-only client.</summary>
    public ISigner? Signer { get; set; }

    /// <summary>A Web3 Secret Storage (keystore v3) file holding the participant's key.</summary>
    public string? KeystorePath { get; set; }

    /// <summary>The password of <see cref="KeystorePath"/>.</summary>
    public string? KeystorePassword { get; set; }

    /// <summary>Blocks on top of a transaction's or log's block before it counts as final. Default 0.</summary>
    public int Confirmations { get; set; }

    /// <summary>The deployment manifest file (JSON: chain id, contract names, addresses, blocks). Optional.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>How long to wait for a receipt. Default 60 s.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the account may stop advancing before its due transaction is replaced with raised fees. Default 30 s.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How a batch of consecutive nonces is handed to the node. Default <see cref="Ethereum.BatchRelease.Auto"/> (see there).</summary>
    public BatchRelease BatchRelease { get; set; } = BatchRelease.Auto;

    /// <summary>How long one JSON-RPC request may take. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra gas on top of the node's estimate, in percent. Default 20.</summary>
    public int GasMarginPercent { get; set; } = 20;

    /// <summary>Whether the host's start fails when the node is unreachable or serves another chain. Default true.</summary>
    public bool CheckNodeAtStart { get; set; } = true;

    /// <summary>
    /// How long the newest block may stay the same before the health check reports the node Degraded; null (the
    /// default) does not check, since development nodes mine only when sent a transaction.
    /// </summary>
    public TimeSpan? HeadStallAfter { get; set; }

    /// <summary>The settings of every <see cref="EthereumClient"/> the host builds from these options.</summary>
    internal EthereumClientOptions ClientOptions() => new() { ChainId = ChainId, Confirmations = Confirmations, GasMarginPercent = GasMarginPercent };

    /// <summary>The settings of every <see cref="TransactionSender"/> the host builds from these options.</summary>
    internal TransactionSenderOptions SenderOptions(Microsoft.Extensions.Logging.ILoggerFactory? loggers = null) => new()
    {
        ChainId = ChainId, Confirmations = Confirmations, ReceiptTimeout = ReceiptTimeout, StallTimeout = StallTimeout, BatchRelease = BatchRelease,
        LoggerFactory = loggers,
    };
}
