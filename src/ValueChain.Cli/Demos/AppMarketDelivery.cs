using System.Security.Cryptography;
using ValueChain.AppMarket;
using ValueChain.Mqtt;

namespace ValueChain.Cli.Demos;

/// <summary>
/// How the AppMarket demo reaches its device agents: over a Mosquitto it starts on a free loopback port when one is
/// installed (the manager and every device with its own broker account), otherwise in process, saying how to install it.
/// </summary>
internal sealed class AppMarketDelivery : IAsyncDisposable
{
    private readonly LocalMosquitto? _broker;
    private readonly MqttDeviceChannel? _mqtt;
    private readonly List<MqttDeviceAgentHost> _hosts;

    private AppMarketDelivery(IDeviceChannel channel, string description, LocalMosquitto? broker, MqttDeviceChannel? mqtt, List<MqttDeviceAgentHost> hosts)
    {
        Channel = channel;
        Description = description;
        _broker = broker;
        _mqtt = mqtt;
        _hosts = hosts;
    }

    /// <summary>The channel the IoT manager delivers through.</summary>
    public IDeviceChannel Channel { get; }

    /// <summary>One line for the demo's table: which channel, or why not MQTT and how to get it.</summary>
    public string Description { get; }

    /// <summary>Starts Mosquitto with an account per device and one for the manager, or falls back to in-process delivery when it is not installed.</summary>
    public static async Task<AppMarketDelivery> StartAsync(IReadOnlyList<DeviceAgent> agents, CancellationToken cancellationToken)
    {
        if (LocalMosquitto.FindBinary() is null || LocalMosquitto.FindDynamicSecurityPlugin() is null)
        {
            return InProcess(agents, "Mosquitto is not installed, so the devices are reached in process. For delivery over MQTT v5: sudo apt-get install mosquitto (Debian/Ubuntu; brew install mosquitto on macOS), or set VALUECHAIN_MOSQUITTO to its binary.");
        }

        MqttAccount manager = AppMarketTopics.ManagerAccount("iot-manager", Password());
        MqttAccount[] devices = [.. agents.Select(a => AppMarketTopics.DeviceAccount(a.DeviceId, Password()))];
        LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [manager, .. devices] }, cancellationToken);
        var hosts = new List<MqttDeviceAgentHost>();
        MqttDeviceChannel? channel = null;
        try
        {
            channel = await MqttDeviceChannel.ConnectAsync(broker.Endpoint, manager, cancellationToken: cancellationToken);
            for (int i = 0; i < agents.Count; i++)
            {
                hosts.Add(await MqttDeviceAgentHost.ConnectAsync(broker.Endpoint, devices[i], agents[i], cancellationToken: cancellationToken));
            }

            return new AppMarketDelivery(channel, $"MQTT v5 over Mosquitto on {broker.Endpoint.Host}:{broker.Endpoint.Port}: chunks checked on arrival, each device on its own account reaching only appmarket/devices/<its id>/", broker, channel, hosts);
        }
        catch
        {
            await new AppMarketDelivery(channel!, "", broker, channel, hosts).DisposeAsync();
            throw;
        }
    }

    private static AppMarketDelivery InProcess(IReadOnlyList<DeviceAgent> agents, string description) =>
        new(new InProcessDeviceChannel(agents), description, null, null, []);

    // A fresh password per run: the broker lives only as long as the demo.
    private static string Password() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (MqttDeviceAgentHost host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_mqtt is not null)
        {
            await _mqtt.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
