using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Ledger.InMemory;

namespace ValueChain.V2V.Tests;

public sealed class AddV2VObstacleFeedTests
{
    [Fact]
    public async Task Options_out_of_range_fail_the_host_at_start_up_naming_each()
    {
        using IHost host = Host(vc => vc.AddV2VObstacleFeed(o => (o.TileSizeMicrodegrees, o.MaxConcurrentPublications) = (50, 0)));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.StartsWith("ObstacleFeedOptions.TileSizeMicrodegrees must be 100 to 1 000 000", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ObstacleFeedOptions.MaxConcurrentPublications must be 1 to 4096", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_the_factorys_publisher_reaches_its_subscriber()
    {
        using IHost host = Host(vc => vc.AddV2VObstacleFeed(Configuration("""{ "Feed": { "TileSizeMicrodegrees": 20000, "MaxConcurrentPublications": 8 } }""").GetSection("Feed")));
        await host.StartAsync(TestContext.Current.CancellationToken);
        ObstacleFeedFactory factory = host.Services.GetRequiredService<ObstacleFeedFactory>();
        IV2VContract map = host.Services.GetRequiredService<IV2VContract>();
        V2VClient trip = host.Services.GetRequiredService<V2VClientFactory>().Create(EmbeddedMap.TripA);
        var broker = new InProcessObstacleFeedBroker();
        await using IObstacleFeedConnection publishing = broker.Connect(), receiving = broker.Connect();
        ObstacleFeedPublisher publisher = factory.CreatePublisher(publishing);
        ObstacleFeedSubscriber vehicle = factory.CreateSubscriber(receiving);
        var at = new GeoPoint(48_137_000, 11_575_000);
        await vehicle.MoveToAsync(at, TestContext.Current.CancellationToken);
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds((await host.Services.GetRequiredService<Ledger.ILedgerTimeControl>().GetTimeAsync(TestContext.Current.CancellationToken)).ToUnixTimeSeconds());
        await map.CertifyAsync(EmbeddedMap.Issuer, trip.Address, now, now.AddHours(1), TestContext.Current.CancellationToken);
        (_, AnchorOutcome outcome) = await trip.ReportAsync(new StaticObstacleReport(trip.Address, now, at, 5, ObstacleKind.Debris, 90), TestContext.Current.CancellationToken);

        foreach (Ledger.LedgerEvent e in await map.GetEventsAsync(0, long.MaxValue, TestContext.Current.CancellationToken))
        {
            await publisher.HandleAsync(e, TestContext.Current.CancellationToken);
        }

        Assert.True(receiving.Inbox.TryRead(out ObstacleFeedPacket? packet));
        await vehicle.HandleAsync(packet!, TestContext.Current.CancellationToken);
        Assert.Equal((20_000, 8), (factory.Options.TileSizeMicrodegrees, factory.Options.MaxConcurrentPublications));
        Assert.StartsWith($"{V2VTopics.Root}/20000/", packet!.Topic, StringComparison.Ordinal);
        Assert.Equal(outcome.ObstacleId, (await LiveFeed.NextAsync(vehicle.Obstacles)).ObstacleId);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_second_call_with_settings_is_refused_and_one_without_changes_nothing()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseInMemoryLedger().AddV2VObstacleFeed(o => o.TileSizeMicrodegrees = 5_000).AddV2VObstacleFeed());

        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc.UseInMemoryLedger().AddV2VObstacleFeed(o => o.TileSizeMicrodegrees = 6_000)));
        Assert.StartsWith("AddV2VObstacleFeed was called a second time with settings", error.Message, StringComparison.Ordinal);
        Assert.Single(services, d => d.ServiceType == typeof(ObstacleFeedFactory));
        Assert.Equal(5_000, services.BuildServiceProvider().GetRequiredService<IOptions<ObstacleFeedOptions>>().Value.TileSizeMicrodegrees);
    }

    private static IHost Host(Action<ValueChainBuilder> configure) =>
        new HostBuilder().ConfigureServices(services => services.AddValueChain(vc =>
        {
            vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open).UseContentStore().AddV2V(o =>
            {
                o.Issuer = EmbeddedMap.Issuer.Address;
                o.Authorities.Add(EmbeddedMap.Police.Address);
            });
            configure(vc);
        })).Build();

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
}
