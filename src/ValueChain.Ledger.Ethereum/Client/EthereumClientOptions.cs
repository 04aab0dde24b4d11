namespace ValueChain.Ledger.Ethereum;

/// <summary>Settings of <see cref="EthereumClient"/>.</summary>
public sealed class EthereumClientOptions
{
    /// <summary>The chain id transactions are signed for; checked against the node by <see cref="EthereumClient.CheckChainAsync"/>.</summary>
    public ulong ChainId { get; set; }

    /// <summary>Extra gas on top of the node's estimate, in percent, for state that changes between estimate and inclusion. Default 20.</summary>
    public int GasMarginPercent { get; set; } = 20;

    /// <summary>How long a fee suggestion is reused before the node is asked again. Default 2 s (the base fee can at most double in six full blocks; the suggestion offers twice the base fee).</summary>
    public TimeSpan FeeCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The percentile of recent tips offered as the priority fee. Default 50.</summary>
    public int PriorityFeePercentile { get; set; } = 50;

    /// <summary>The smallest tip offered, in wei, when recent blocks paid none. Default 1 wei.</summary>
    public UInt256 MinPriorityFee { get; set; } = 1;

    /// <summary>Blocks on top of a log's block before a subscription delivers it. Default 0.</summary>
    public int Confirmations { get; set; }

    /// <summary>How many blocks one log query spans at most; a node that refuses a page as too large is asked again for half. Default 2000.</summary>
    public ulong LogPageBlocks { get; set; } = 2000;

    /// <summary>The pause between polls of a log subscription. Default 250 ms.</summary>
    public TimeSpan LogPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
