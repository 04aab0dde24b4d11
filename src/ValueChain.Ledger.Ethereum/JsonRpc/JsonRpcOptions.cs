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
}
