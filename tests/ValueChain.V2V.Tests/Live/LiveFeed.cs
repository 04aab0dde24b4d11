using ValueChain.Content;
using ValueChain.Mqtt;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.V2V.Tests;

/// <summary>
/// A live feed over a real Mosquitto (Debian's package, from tools/apt-packages.txt) with the feed's accounts: the
/// obstacle map on a fresh embedded ledger, its content store, and the publisher running on the ledger's events.
/// </summary>
internal sealed class LiveFeed : IAsyncDisposable
{
    public static readonly ObstacleFeedOptions Options = new() { TileSizeMicrodegrees = 10_000 };
    public static readonly MqttAccount Publisher = V2VTopics.PublisherAccount("feed-publisher", "publisher-pw");
    public static readonly MqttAccount Vehicles = V2VTopics.VehicleAccount("vehicles", "vehicles-pw");

    private readonly CancellationTokenSource _stop = new();
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<Task> _loops = [];
    private int _vehicles;

    private LiveFeed(EmbeddedMap map, LocalMosquitto broker, IObstacleFeedConnection publisher)
    {
        Map = map;
        Broker = broker;
        PublisherConnection = publisher;
    }

    public EmbeddedMap Map { get; }

    public LocalMosquitto Broker { get; }

    public IContentStore Store { get; } = EmbeddedContentStore.InMemory();

    public IObstacleFeedConnection PublisherConnection { get; }

    public static async Task<LiveFeed> StartAsync()
    {
        EmbeddedMap map = await EmbeddedMap.StartAsync();
        LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [Publisher, Vehicles] }, TestContext.Current.CancellationToken);
        var feed = new LiveFeed(map, broker, await MqttObstacleFeedConnection.ConnectAsync(broker.Endpoint, Publisher, "publisher", TestContext.Current.CancellationToken));
        var publisher = new ObstacleFeedPublisher(map.Map, feed.Store, feed.PublisherConnection, Options);
        feed._loops.Add(Task.Run(() => publisher.RunAsync(0, feed._stop.Token)));
        return feed;
    }

    /// <summary>A vehicle's client reporting as <paramref name="trip"/>, against the feed's store.</summary>
    public V2VClient Client(Cryptography.EthereumSigner trip) => new(Map.Map, Store, new ReportVerifier(Map.Map, Store), MatchingRules.Default, trip);

    /// <summary>A vehicle subscribed around <paramref name="position"/> on the shared vehicles' account, its loop running.</summary>
    public async Task<ObstacleFeedSubscriber> VehicleAtAsync(GeoPoint position)
    {
        IObstacleFeedConnection connection = await MqttObstacleFeedConnection.ConnectAsync(Broker.Endpoint, Vehicles, $"vehicle-{Interlocked.Increment(ref _vehicles)}", TestContext.Current.CancellationToken);
        _owned.Add(connection);
        var vehicle = new ObstacleFeedSubscriber(connection, new ReportVerifier(Map.Map, Store), Options);
        await vehicle.MoveToAsync(position, TestContext.Current.CancellationToken);
        _loops.Add(Task.Run(() => vehicle.RunAsync(_stop.Token)));
        return vehicle;
    }

    public static async Task<T> NextAsync<T>(System.Threading.Channels.ChannelReader<T> reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        foreach (IAsyncDisposable owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await PublisherConnection.DisposeAsync();
        await Broker.DisposeAsync();
        await Map.DisposeAsync();
        _stop.Dispose();
    }
}
