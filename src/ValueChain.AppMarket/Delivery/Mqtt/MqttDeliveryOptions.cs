namespace ValueChain.AppMarket;

/// <summary>How binaries travel over MQTT: the chunk size, how many chunks a device asks for at once, and the timeouts.</summary>
public sealed record MqttDeliveryOptions
{
    /// <summary>The size of a chunk in bytes (the last one may be shorter). 64 KiB by default.</summary>
    public int ChunkSize { get; init; } = 64 * 1024;

    /// <summary>How many chunks a device asks for in one request. 8 by default.</summary>
    public int Window { get; init; } = 8;

    /// <summary>How long a device waits for a requested chunk before asking again. 2 s by default.</summary>
    public TimeSpan ResendAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the manager waits for a device's report before giving up. 2 minutes by default.</summary>
    public TimeSpan ReportTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a client tries again to reach a broker that went away. 250 ms by default.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);
}
