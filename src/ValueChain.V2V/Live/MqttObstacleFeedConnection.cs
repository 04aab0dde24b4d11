using System.Buffers;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using ValueChain.Mqtt;

namespace ValueChain.V2V;

/// <summary>
/// A feed connection over an MQTT v5 broker (MQTTnet): QoS 1, clean start, no persisted session, because a vehicle
/// that reconnects subscribes again and the retained messages give it its tiles' obstacles anew.
/// </summary>
public sealed class MqttObstacleFeedConnection : IObstacleFeedConnection
{
    private readonly IMqttClient _client;
    private readonly Channel<ObstacleFeedPacket> _inbox = Channel.CreateUnbounded<ObstacleFeedPacket>(new UnboundedChannelOptions { SingleWriter = true });

    private MqttObstacleFeedConnection(IMqttClient client)
    {
        _client = client;
        // MQTTnet waits for this handler before it reads the next packet: hand the message on and return.
        client.ApplicationMessageReceivedAsync += e =>
        {
            _inbox.Writer.TryWrite(new ObstacleFeedPacket(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += _ =>
        {
            _inbox.Writer.TryComplete();
            return Task.CompletedTask;
        };
    }

    /// <inheritdoc />
    public ChannelReader<ObstacleFeedPacket> Inbox => _inbox.Reader;

    /// <summary>Connects to <paramref name="endpoint"/> as <paramref name="account"/> (anonymous when null) under <paramref name="clientId"/>.</summary>
    /// <exception cref="ConfigurationException">The broker refused the connection (unknown account or wrong password).</exception>
    public static async Task<MqttObstacleFeedConnection> ConnectAsync(MqttBrokerEndpoint endpoint, MqttAccount? account, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        try
        {
            MqttClientConnectResult result = await client.ConnectAsync(endpoint.ClientOptions(clientId, account), cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new ConfigurationException($"The broker at {endpoint.Host}:{endpoint.Port} refused '{clientId}': {result.ResultCode}.");
            }
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            client.Dispose();
            throw new ConfigurationException($"The broker at {endpoint.Host}:{endpoint.Port} refused '{clientId}': {e.Message}");
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new MqttObstacleFeedConnection(client);
    }

    /// <inheritdoc />
    public async Task<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken = default)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray())
            .WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        return (await MqttTelemetry.PublishAsync(_client, message, cancellationToken).ConfigureAwait(false)).IsSuccess;
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            return;
        }

        MqttClientSubscribeOptionsBuilder builder = new();
        foreach (string filter in filters)
        {
            builder = builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        MqttClientSubscribeResult result = await _client.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        if (result.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new ConfigurationException($"The broker refused the subscription of '{_client.Options.ClientId}' to '{refused.TopicFilter.Topic}': {refused.ResultCode}.");
        }
    }

    /// <inheritdoc />
    public async Task UnsubscribeAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            return;
        }

        MqttClientUnsubscribeOptionsBuilder builder = new();
        foreach (string filter in filters)
        {
            builder = builder.WithTopicFilter(filter);
        }

        await _client.UnsubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already gone.
            }
        }

        _inbox.Writer.TryComplete();
        _client.Dispose();
    }
}
