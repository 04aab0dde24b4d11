namespace ValueChain.Ledger.Ethereum;

/// <summary>Settings of <see cref="JsonRpcClient"/>.</summary>
public sealed class JsonRpcOptions
{
    /// <summary>The node's HTTP endpoint.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>How long one request (with its batch) may take before it is abandoned. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Extra attempts after a transport fault (connection refused, reset, timeout). Never used for
    /// methods that change state on the node (<see cref="JsonRpcClient.IsSafeToRetry"/>). Default 2.
    /// </summary>
    public int TransportRetries { get; set; } = 2;

    /// <summary>The pause before the first retry; doubled for each further one. Default 100 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether concurrent <c>eth_call</c>s go out together: calls made while others are on their way are sent in
    /// JSON-RPC batches of up to 100, at most four batches at once (a lone call goes out at once, as a batch of one).
    /// A batch answers when its slowest call does. Default true.
    /// </summary>
    public bool CoalesceCalls { get; set; } = true;
}
