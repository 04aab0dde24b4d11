namespace ValueChain.AppMarket;

/// <summary>Delivers to device agents in the same process (samples, tests, the CLI demo without a broker).</summary>
public sealed class InProcessDeviceChannel : IDeviceChannel
{
    private readonly Dictionary<string, DeviceAgent> _agents;

    /// <summary>Creates the channel to <paramref name="agents"/>.</summary>
    public InProcessDeviceChannel(IEnumerable<DeviceAgent> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        _agents = agents.ToDictionary(a => a.DeviceId, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task<SignedInstallReport> DeliverAsync(DeliveryOrder order, ReadOnlyMemory<byte> binary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return _agents.TryGetValue(order.DeviceId, out DeviceAgent? agent)
            ? agent.HandleAsync(order, binary, cancellationToken)
            : throw new ArgumentException($"No agent of device {order.DeviceId} is connected.", nameof(order));
    }
}
