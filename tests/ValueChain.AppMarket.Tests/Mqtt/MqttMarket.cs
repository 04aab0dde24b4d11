using Microsoft.Extensions.DependencyInjection;
using ValueChain.Content;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Mqtt;

namespace ValueChain.AppMarket.Tests.Mqtt;

// The marketplace on the embedded ledger with a real Mosquitto between the IoT manager and three device agents, each
// device with its own broker account and the manager with its own.
internal sealed class MqttMarket : IAsyncDisposable
{
    public static readonly string[] DeviceIds = ["press-1", "press-2", "press-3"];
    public static readonly MqttAccount Manager = AppMarketTopics.ManagerAccount("iot-manager", "manager-pw");

    private readonly ServiceProvider _provider;
    private readonly string _folder = Directory.CreateTempSubdirectory("appmarket-mqtt-").FullName;
    private readonly Dictionary<string, EthereumSigner> _deviceKeys = DeviceIds.ToDictionary(id => id, id => Signer("device " + id));

    private MqttMarket(ServiceProvider provider)
    {
        _provider = provider;
        Market = provider.GetRequiredService<IAppMarketContract>();
        Warehouse = new AppWarehouse(provider.GetRequiredService<IContentStore>());
    }

    public static MqttDeliveryOptions Delivery { get; } = new() { ChunkSize = 1024, Window = 4, ResendAfter = TimeSpan.FromMilliseconds(500), ReportTimeout = TimeSpan.FromSeconds(60), ReconnectDelay = TimeSpan.FromMilliseconds(100) };

    public static EthereumSigner Operator { get; } = Signer("operator");

    public static EthereumSigner Developer { get; } = Signer("developer");

    public static EthereumSigner Company { get; } = Signer("company");

    public static EthereumSigner Technician { get; } = Signer("technician");

    public IAppMarketContract Market { get; }

    public AppWarehouse Warehouse { get; }

    public LocalMosquitto Broker { get; private set; } = null!;

    public MqttDeviceChannel Channel { get; private set; } = null!;

    public IotManager Iot { get; private set; } = null!;

    public Dictionary<string, MqttDeviceAgentHost> Hosts { get; } = new(StringComparer.Ordinal);

    public static MqttAccount DeviceAccount(string deviceId) => AppMarketTopics.DeviceAccount(deviceId, deviceId + "-pw");

    public static async Task<MqttMarket> StartAsync(CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc
            .UseInMemoryLedger(o => o.Membership = MembershipMode.Open)
            .UseContentStore()
            .AddAppMarket(o => o.GenesisMembers.Add(new AppMarketMember(Operator.Address, "Bazaar", AppMarketRole.Operator, IsAdmin: true))));
        var market = new MqttMarket(services.BuildServiceProvider());
        try
        {
            await market.SetUpAsync(cancellationToken);
            return market;
        }
        catch
        {
            await market.DisposeAsync();
            throw;
        }
    }

    public DeviceAgent NewAgent(string deviceId) =>
        new(deviceId, _deviceKeys[deviceId], Market.ReportDomain, Path.Combine(_folder, deviceId));

    public async Task<AppRecord> PublishAsync(string version, byte[] binary, CancellationToken cancellationToken)
    {
        BinaryReference reference = await Warehouse.UploadAsync(new MemoryStream(binary), cancellationToken);
        await Market.PublishAppAsync(Developer, new AppPublication("vibration-monitor", "Vibration monitor", AppVersion.Parse(version), AppPricing.PayPerUse(3), ["plc-x86"], reference, [], []), cancellationToken);
        return (await Market.GetAppAsync("vibration-monitor", AppVersion.Parse(version), cancellationToken))!;
    }

    public async Task<List<HistoryAction>> HistoryAsync(string deviceId, CancellationToken cancellationToken) =>
        [.. (await Market.GetDeviceHistoryAsync(Company, deviceId, cancellationToken)).Select(e => e.Action)];

    public static byte[] Binary(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed))];

    private static EthereumSigner Signer(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes("appmarket mqtt " + name)).ToArray()));

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        await Market.InviteAsync(Operator, Developer.Address, "Edge Apps Ltd", AppMarketRole.Developer, cancellationToken: cancellationToken);
        await Market.InviteAsync(Operator, Company.Address, "Stamping Plant", AppMarketRole.Company, cancellationToken: cancellationToken);
        await Market.MintAsync(Operator, Company.Address, 1_000, cancellationToken);
        await Market.ApproveAsync(Company, Market.PlatformAddress, 1_000, cancellationToken);
        await Market.AuthorizeTechnicianAsync(Company, Technician.Address, "Tess", cancellationToken);
        foreach (string id in DeviceIds)
        {
            await Market.RegisterDeviceAsync(Company, id, "plc-x86", _deviceKeys[id].Address, cancellationToken);
        }

        Broker = await LocalMosquitto.StartAsync(new() { Accounts = [Manager, .. DeviceIds.Select(DeviceAccount)] }, cancellationToken);
        Channel = await MqttDeviceChannel.ConnectAsync(Broker.Endpoint, Manager, Delivery, cancellationToken);
        Iot = new IotManager(Market, Warehouse, Technician, Channel);
        foreach (string id in DeviceIds)
        {
            Hosts[id] = await MqttDeviceAgentHost.ConnectAsync(Broker.Endpoint, DeviceAccount(id), NewAgent(id), Delivery, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (MqttDeviceAgentHost host in Hosts.Values)
        {
            await host.DisposeAsync();
            host.Agent.Dispose();
        }

        if (Channel is not null)
        {
            await Channel.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        await _provider.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
