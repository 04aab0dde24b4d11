using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using ValueChain.Mqtt;

namespace ValueChain.AppMarket;

/// <summary>
/// Runs a <see cref="DeviceAgent"/> on an MQTT v5 broker with the device's own account
/// (<see cref="AppMarketTopics.DeviceAccount"/>): takes orders from its <c>orders</c> topic, asks for the chunks it
/// lacks, checks each chunk's SHA-256 against the order as it arrives and keeps it on disk, so that after a broken
/// connection (or a restart of the device) it asks only for what it does not have; then hands the whole binary to the
/// agent (which verifies it against the app record again before it installs) and sends the signed report. An order it
/// already carried out is answered with the same report, never installed twice; an install a restart interrupted is
/// rolled back by the agent and reported so. Removal orders carry no chunks. Usage reports go out on the device's
/// <c>usage</c> topic (<see cref="ReportUsageAsync"/>).
/// </summary>
public sealed class MqttDeviceAgentHost : IAsyncDisposable
{
    private readonly DeviceAgent _agent;
    private readonly MqttSession _session;
    private readonly MqttDeliveryOptions _options;
    private readonly Channel<OrderMessage> _orders = Channel.CreateUnbounded<OrderMessage>();
    private readonly Channel<bool> _progress = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly string _downloads;
    private readonly string _done;
    private readonly Task _pump;
    private readonly Task _worker;
    private volatile OrderMessage? _active;
    private int _rejectedChunks;

    private MqttDeviceAgentHost(DeviceAgent agent, MqttSession session, MqttDeliveryOptions options)
    {
        _agent = agent;
        _session = session;
        _options = options;
        _downloads = Directory.CreateDirectory(Path.Combine(agent.Directory, "downloads")).FullName;
        _done = Directory.CreateDirectory(Path.Combine(agent.Directory, "transfers")).FullName;
        session.Reconnected += () => _progress.Writer.TryWrite(true);

        // Transfers a restart of the device interrupted go on where they stopped.
        foreach (string saved in Directory.EnumerateFiles(_downloads, "order.json", SearchOption.AllDirectories))
        {
            _orders.Writer.TryWrite(JsonSerializer.Deserialize(File.ReadAllBytes(saved), AppMarketMqttJsonContext.Default.OrderMessage)!);
        }

        _pump = Task.Run(PumpAsync);
        _worker = Task.Run(WorkAsync);
    }

    /// <summary>The chunks that arrived with a SHA-256 other than the order's and were asked for again.</summary>
    public int RejectedChunks => Volatile.Read(ref _rejectedChunks);

    /// <summary>The agent this host runs.</summary>
    public DeviceAgent Agent => _agent;

    /// <summary>Connects <paramref name="agent"/> to <paramref name="endpoint"/> as <paramref name="account"/> and starts taking orders.</summary>
    /// <exception cref="ConfigurationException">The broker refused the device's subscriptions to its own topics.</exception>
    public static async Task<MqttDeviceAgentHost> ConnectAsync(MqttBrokerEndpoint endpoint, MqttAccount account, DeviceAgent agent, MqttDeliveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(agent);
        options ??= new MqttDeliveryOptions();
        MqttSession session = await MqttSession.ConnectAsync(endpoint, account,
            [AppMarketTopics.Orders(agent.DeviceId), AppMarketTopics.Chunks(agent.DeviceId)], options.ReconnectDelay, cancellationToken);
        return new MqttDeviceAgentHost(agent, session, options);
    }

    /// <summary>
    /// Signs the cumulative usage of <paramref name="appId"/> with the device's next report counter and sends it to the
    /// manager on the device's <c>usage</c> topic (QoS 1; waits while the broker is away). Returns the signed report.
    /// </summary>
    public async Task<SignedUsageReport> ReportUsageAsync(string appId, ulong cumulativeUnits, CancellationToken cancellationToken = default)
    {
        SignedUsageReport report = await _agent.ReportUsageAsync(appId, cumulativeUnits, cancellationToken);
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(new UsageMessage(new UsageReportArgs(report.Report, report.Signature.ToString())), AppMarketMqttJsonContext.Default.UsageMessage);
        while (!await _session.TryPublishAsync(AppMarketTopics.Usage(_agent.DeviceId), payload, cancellationToken))
        {
            await Task.Delay(_options.ReconnectDelay, cancellationToken);
        }

        return report;
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach ((string topic, byte[] payload) in _session.Inbox.ReadAllAsync(_stop.Token))
            {
                if (topic == AppMarketTopics.Orders(_agent.DeviceId))
                {
                    TryQueueOrder(payload);
                }
                else
                {
                    Store(topic, payload);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void TryQueueOrder(byte[] payload)
    {
        try
        {
            OrderMessage order = JsonSerializer.Deserialize(payload, AppMarketMqttJsonContext.Default.OrderMessage)!;
            if (order.DeviceId == _agent.DeviceId && IsSafeId(order.TransferId))
            {
                _orders.Writer.TryWrite(order);
            }
        }
        catch (JsonException)
        {
            // Not an order: nothing to do.
        }
    }

    // A chunk of the transfer under way: kept when its SHA-256 is the order's, otherwise dropped and asked for again.
    private void Store(string topic, byte[] payload)
    {
        string[] levels = topic.Split('/');
        if (_active is not { } order || levels.Length != 6 || levels[4] != order.TransferId
            || !int.TryParse(levels[5], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) || index >= order.ChunkHashes.Count)
        {
            return;
        }

        string file = ChunkFile(order, index);
        if (!File.Exists(file))
        {
            if (Convert.ToHexStringLower(SHA256.HashData(payload)) != order.ChunkHashes[index])
            {
                Interlocked.Increment(ref _rejectedChunks);
                return;
            }

            File.WriteAllBytes(file + ".tmp", payload);
            File.Move(file + ".tmp", file, overwrite: true);
        }

        _progress.Writer.TryWrite(true);
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (OrderMessage order in _orders.Reader.ReadAllAsync(_stop.Token))
            {
                await CarryOutAsync(order, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task CarryOutAsync(OrderMessage order, CancellationToken cancellationToken)
    {
        string doneFile = Path.Combine(_done, order.TransferId + ".json");
        string folder = Path.Combine(_downloads, order.TransferId);
        if (!File.Exists(doneFile))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "order.json"), JsonSerializer.SerializeToUtf8Bytes(order, AppMarketMqttJsonContext.Default.OrderMessage));
            _active = order;
            byte[] binary = await DownloadAsync(order, cancellationToken);
            _active = null;
            SignedInstallReport report = await _agent.HandleAsync(new DeliveryOrder(order.DeviceId, order.App, order.Remove, order.TransferId), binary, cancellationToken);
            var message = new ReportMessage(order.TransferId, new InstallReportArgs(report.Report, report.Signature.ToString()));

            // The report is kept before the download goes, so that the same order again gets the same report.
            File.WriteAllBytes(doneFile, JsonSerializer.SerializeToUtf8Bytes(message, AppMarketMqttJsonContext.Default.ReportMessage));
        }

        // Gone once the report is kept (also when a restart came between the two).
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        byte[] payload = File.ReadAllBytes(doneFile);
        while (!await _session.TryPublishAsync(AppMarketTopics.Reports(_agent.DeviceId), payload, cancellationToken))
        {
            await Task.Delay(_options.ReconnectDelay, cancellationToken);
        }
    }

    private async Task<byte[]> DownloadAsync(OrderMessage order, CancellationToken cancellationToken)
    {
        while (Enumerable.Range(0, order.ChunkHashes.Count).Where(i => !File.Exists(ChunkFile(order, i))).Take(_options.Window).ToArray() is { Length: > 0 } missing)
        {
            byte[] request = JsonSerializer.SerializeToUtf8Bytes(new ChunkRequestMessage(order.TransferId, missing), AppMarketMqttJsonContext.Default.ChunkRequestMessage);
            await _session.TryPublishAsync(AppMarketTopics.Requests(_agent.DeviceId), request, cancellationToken);

            // Wait until the window is in, or ask again for what is still missing after the resend delay or a reconnect.
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(_options.ResendAfter);
            try
            {
                while (missing.Any(i => !File.Exists(ChunkFile(order, i))))
                {
                    await _progress.Reader.ReadAsync(patience.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Ask again.
            }
        }

        using var binary = new MemoryStream();
        for (int i = 0; i < order.ChunkHashes.Count; i++)
        {
            byte[] chunk = await File.ReadAllBytesAsync(ChunkFile(order, i), cancellationToken);
            binary.Write(chunk);
        }

        return binary.ToArray();
    }

    private string ChunkFile(OrderMessage order, int index) =>
        Path.Combine(_downloads, order.TransferId, index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".chunk");

    // The transfer id names a folder on the device: only letters and digits.
    private static bool IsSafeId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Idempotent, as DisposeAsync should be: a host stopped early (a device going away) is disposed again by its owner.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _orders.Writer.TryComplete();
        await Task.WhenAll(_pump, _worker);
        await _session.DisposeAsync();
        _stop.Dispose();
    }
}
