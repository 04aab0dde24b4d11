namespace ValueChain.Mqtt;

/// <summary>How <see cref="LocalMosquitto"/> starts a broker.</summary>
public sealed record LocalMosquittoOptions
{
    /// <summary>The accounts the broker knows, each reaching only its granted topics. Empty with <see cref="AllowAnonymous"/> false lets nobody in.</summary>
    public IReadOnlyList<MqttAccount> Accounts { get; init; } = [];

    /// <summary>Whether clients without credentials may connect, with access to every topic (for quick demos only).</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How long to wait for the broker to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
