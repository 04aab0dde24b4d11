using ValueChain.Mqtt;

namespace ValueChain.V2V;

/// <summary>How a simulation's live feed travels: the connections of its publisher and of each listening vehicle.</summary>
/// <param name="Name">How the results name it ("MQTT v5 broker at …", "in process").</param>
/// <param name="ConnectPublisherAsync">Connects the publisher.</param>
/// <param name="ConnectVehicleAsync">Connects a vehicle under the given client id.</param>
public sealed record V2VSimulationFeed(
    string Name,
    Func<CancellationToken, Task<IObstacleFeedConnection>> ConnectPublisherAsync,
    Func<string, CancellationToken, Task<IObstacleFeedConnection>> ConnectVehicleAsync)
{
    /// <summary>An in-process broker, for hosts without an MQTT broker.</summary>
    public static V2VSimulationFeed InProcess()
    {
        var broker = new InProcessObstacleFeedBroker();
        return new("in process (no MQTT broker)", _ => Task.FromResult(broker.Connect()), (_, _) => Task.FromResult(broker.Connect()));
    }

    /// <summary>
    /// An MQTT v5 broker at <paramref name="endpoint"/> with the feed's publisher and vehicle accounts (<see cref="V2VTopics"/>). Give each
    /// run a fresh broker: retained tiles of another ledger's run do not verify, and listeners would (rightly) drop them.
    /// </summary>
    public static V2VSimulationFeed Mqtt(MqttBrokerEndpoint endpoint, MqttAccount publisher, MqttAccount vehicles)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(
            $"MQTT v5 broker at {endpoint.Host}:{endpoint.Port}",
            async cancellationToken => await MqttObstacleFeedConnection.ConnectAsync(endpoint, publisher, "v2v-simulation-publisher", cancellationToken).ConfigureAwait(false),
            async (clientId, cancellationToken) => await MqttObstacleFeedConnection.ConnectAsync(endpoint, vehicles, clientId, cancellationToken).ConfigureAwait(false));
    }
}
