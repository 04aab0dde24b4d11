using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ValueChain.Mqtt;

namespace ValueChain.AppMarket;

/// <summary>
/// The IoT manager's side of delivery over an MQTT v5 broker. An order (the app record, the chunk size and every
/// chunk's SHA-256) goes to the device's <c>orders</c> topic at QoS 1 on a persistent session, so a device that is away
/// gets it when it comes back; the device asks for the chunks it lacks and the channel sends them; the device's signed
/// report ends the delivery. The manager connects with its own broker account (<see cref="AppMarketTopics.ManagerAccount"/>).
/// </summary>
public sealed class MqttDeviceChannel : IDeviceChannel, IAsyncDisposable
{
    private readonly MqttSession _session;
    private readonly MqttDeliveryOptions _options;
    private readonly ConcurrentDictionary<string, Transfer> _transfers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private MqttDeviceChannel(MqttSession session, MqttDeliveryOptions options)
    {
        _session = session;
        _options = options;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>
    /// Alters a binary after the manager verified it and before it is cut into chunks: a test's stand-in for an
    /// attacker on the path, so that the device's own verification can be seen to refuse it.
    /// </summary>
    internal Func<ReadOnlyMemory<byte>, byte[]>? AlterInTransit { get; set; }

    /// <summary>Alters chunk (device id, index, bytes) as it is sent, after its SHA-256 went out in the order: a test's stand-in for a faulty or hostile path.</summary>
    internal Func<string, int, byte[], byte[]>? AlterChunk { get; set; }

    /// <summary>Raised after each chunk the channel sends (device id, transfer id, chunk index); tests use it to break the connection mid-transfer.</summary>
    internal event Action<string, string, int>? ChunkSent;

    /// <summary>Connects to <paramref name="endpoint"/> as <paramref name="account"/> (the manager's account).</summary>
    /// <exception cref="ConfigurationException">The broker refused the manager's subscriptions.</exception>
    public static async Task<MqttDeviceChannel> ConnectAsync(MqttBrokerEndpoint endpoint, MqttAccount account, MqttDeliveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(account);
        options ??= new MqttDeliveryOptions();
        MqttSession session = await MqttSession.ConnectAsync(endpoint, account,
            [$"{AppMarketTopics.Root}/+/requests", $"{AppMarketTopics.Root}/+/reports"], options.ReconnectDelay, cancellationToken);
        return new MqttDeviceChannel(session, options);
    }

    /// <inheritdoc />
    /// <exception cref="DeviceUnreachableException">The device did not report within <see cref="MqttDeliveryOptions.ReportTimeout"/>.</exception>
    public async Task<SignedInstallReport> DeliverAsync(DeliveryOrder order, ReadOnlyMemory<byte> binary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        byte[] sent = AlterInTransit is { } alter ? alter(binary) : binary.ToArray();
        byte[][] chunks = sent.Chunk(_options.ChunkSize).ToArray();
        var transfer = new Transfer(order.DeviceId, chunks);
        string transferId = Guid.NewGuid().ToString("N");
        _transfers[transferId] = transfer;
        try
        {
            var message = new OrderMessage(transferId, order.DeviceId, order.App, order.Remove, _options.ChunkSize,
                chunks.Select(c => Convert.ToHexStringLower(SHA256.HashData(c))).ToArray());
            byte[] payload = JsonSerializer.SerializeToUtf8Bytes(message, AppMarketMqttJsonContext.Default.OrderMessage);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ReportTimeout);
            try
            {
                // The order waits in the device's session while it is away; only the broker being away makes this retry.
                while (!await _session.TryPublishAsync(AppMarketTopics.Orders(order.DeviceId), payload, timeout.Token))
                {
                    await Task.Delay(_options.ReconnectDelay, timeout.Token);
                }

                return await transfer.Report.Task.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DeviceUnreachableException(order.DeviceId, _options.ReportTimeout);
            }
        }
        finally
        {
            _transfers.TryRemove(transferId, out _);
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach ((string topic, byte[] payload) in _session.Inbox.ReadAllAsync(_stop.Token))
            {
                await HandleAsync(topic, payload);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task HandleAsync(string topic, byte[] payload)
    {
        // The topic says which device sent it; the broker only lets a device write to its own topics.
        if (AppMarketTopics.DeviceOf(topic) is not { } deviceId)
        {
            return;
        }

        try
        {
            if (topic == AppMarketTopics.Requests(deviceId))
            {
                ChunkRequestMessage request = JsonSerializer.Deserialize(payload, AppMarketMqttJsonContext.Default.ChunkRequestMessage)!;
                if (_transfers.TryGetValue(request.TransferId, out Transfer? transfer) && transfer.DeviceId == deviceId)
                {
                    foreach (int index in request.Indexes.Where(i => i >= 0 && i < transfer.Chunks.Length))
                    {
                        // A chunk the broker did not take is asked for again by the device after its resend delay.
                        if (await _session.TryPublishAsync(AppMarketTopics.Chunk(deviceId, request.TransferId, index), AlterChunk is { } alter ? alter(deviceId, index, transfer.Chunks[index]) : transfer.Chunks[index], _stop.Token))
                        {
                            ChunkSent?.Invoke(deviceId, request.TransferId, index);
                        }
                    }
                }
            }
            else if (topic == AppMarketTopics.Reports(deviceId))
            {
                ReportMessage report = JsonSerializer.Deserialize(payload, AppMarketMqttJsonContext.Default.ReportMessage)!;
                if (_transfers.TryGetValue(report.TransferId, out Transfer? transfer) && transfer.DeviceId == deviceId && report.Report.Report.DeviceId == deviceId)
                {
                    transfer.Report.TrySetResult(new SignedInstallReport(report.Report.Report, RecoverableSignature.Parse(report.Report.Signature)));
                }
            }
        }
        catch (Exception e) when (e is JsonException or ValueChainFormatException or FormatException)
        {
            // A malformed message changes nothing; the ledger checks the signature of every report it records anyway.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _session.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class Transfer(string deviceId, byte[][] chunks)
    {
        public string DeviceId { get; } = deviceId;

        public byte[][] Chunks { get; } = chunks;

        public TaskCompletionSource<SignedInstallReport> Report { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
