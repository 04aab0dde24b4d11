using System.Buffers;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using ValueChain.Mqtt;

namespace ValueChain.AppMarket;

/// <summary>
/// One MQTT v5 client with a persistent session that reconnects by itself when the broker goes away, and hands what
/// arrives to a queue (MQTTnet waits for its handler before it reads the next packet, so nothing slow runs there).
/// </summary>
internal sealed class MqttSession : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly IReadOnlyList<string> _filters;
    private readonly TimeSpan _reconnectDelay;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Topic, byte[] Payload)> _inbox = Channel.CreateUnbounded<(string, byte[])>();
    private int _reconnecting;

    private MqttSession(IMqttClient client, MqttClientOptions options, IReadOnlyList<string> filters, TimeSpan reconnectDelay)
    {
        _client = client;
        _options = options;
        _filters = filters;
        _reconnectDelay = reconnectDelay;
        client.ApplicationMessageReceivedAsync += e =>
        {
            ValueChain.Mqtt.MqttTelemetry.RecordReceived(e.ApplicationMessage);
            _inbox.Writer.TryWrite((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += args =>
        {
            if (!_stop.IsCancellationRequested && Interlocked.Exchange(ref _reconnecting, 1) == 0)
            {
                _ = Task.Run(ReconnectAsync);
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Raised after the session is back on a broker that went away.</summary>
    public event Action? Reconnected;

    /// <summary>What arrived, in order.</summary>
    public ChannelReader<(string Topic, byte[] Payload)> Inbox => _inbox.Reader;

    /// <summary>True while connected.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects as <paramref name="account"/> with a persistent session and subscribes to <paramref name="filters"/> at QoS 1.</summary>
    /// <exception cref="ConfigurationException">The broker refused a subscription (the account's grants do not cover it).</exception>
    public static async Task<MqttSession> ConnectAsync(MqttBrokerEndpoint endpoint, MqttAccount account, IReadOnlyList<string> filters, TimeSpan reconnectDelay, CancellationToken cancellationToken)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var session = new MqttSession(client, endpoint.ClientOptions(account.Username, account, cleanStart: false), filters, reconnectDelay);
        try
        {
            await client.ConnectAsync(session._options, cancellationToken);
            await session.SubscribeAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes at QoS 1; false when the broker is away or refused it (the caller tries again later).</summary>
    public async Task<bool> TryPublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        try
        {
            return _client.IsConnected && (await ValueChain.Mqtt.MqttTelemetry.PublishAsync(_client, message, cancellationToken)).IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        MqttClientSubscribeOptionsBuilder builder = new();
        foreach (string filter in _filters)
        {
            builder = builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        MqttClientSubscribeResult result = await _client.SubscribeAsync(builder.Build(), cancellationToken);
        if (result.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new ConfigurationException($"The broker refused the subscription of '{_options.ClientId}' to '{refused.TopicFilter.Topic}': {refused.ResultCode}.");
        }
    }

    private async Task ReconnectAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(_reconnectDelay, _stop.Token);
                    MqttClientConnectResult result = await _client.ConnectAsync(_options, _stop.Token);
                    if (!result.IsSessionPresent)
                    {
                        // The broker lost the session (it was not persisted): subscribe again.
                        await SubscribeAsync(_stop.Token);
                    }

                    Interlocked.Exchange(ref _reconnecting, 0);
                    Reconnected?.Invoke();
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The broker is still away: try again after the delay.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while reconnecting.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already gone.
            }
        }

        _inbox.Writer.TryComplete();
        _client.Dispose();
        _stop.Dispose();
    }
}
