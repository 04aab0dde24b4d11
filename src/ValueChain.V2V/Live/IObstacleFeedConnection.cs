using System.Threading.Channels;

namespace ValueChain.V2V;

/// <summary>
/// One client's link to the live feed's broker: an MQTT v5 broker (<see cref="MqttObstacleFeedConnection"/>) or, for
/// simulations without one, an in-process broker (<see cref="InProcessObstacleFeedBroker"/>). The publisher publishes
/// through one; each vehicle subscribes through its own.
/// </summary>
public interface IObstacleFeedConnection : IAsyncDisposable
{
    /// <summary>What arrived on the subscribed topics, in order.</summary>
    ChannelReader<ObstacleFeedPacket> Inbox { get; }

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> (retained when <paramref name="retain"/>) at least once; false when the broker refused it.</summary>
    Task<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to <paramref name="filters"/>; retained messages on them arrive first.</summary>
    /// <exception cref="ConfigurationException">The broker refused a filter (the account may not read it).</exception>
    Task SubscribeAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken = default);

    /// <summary>Ends the subscriptions to <paramref name="filters"/>.</summary>
    Task UnsubscribeAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken = default);
}
