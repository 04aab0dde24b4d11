using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Mqtt;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.V2V.Tests;

// The simulation on the embedded ledger (kept small: 6 and 20 vehicles), in real time twenty times faster than the
// wall clock (3 s per run), and once as a capacity run that sends each second's reports at once.
public sealed class SimulationTests
{
    [Fact]
    public async Task Six_vehicles_stuck_near_six_obstacles_map_exactly_six()
    {
        V2VSimulationResult result = await RunAsync(V2VSimulationScenario.Stuck(6) with { TimeScale = Fast }, V2VSimulationFeed.InProcess());

        Assert.Equal(6, result.MappedObstacles);
        Assert.Equal(36, result.Reports); // each vehicle reports its obstacle every 10 s for 60 s
        Assert.Equal((0, 0, 0L), (result.Duplicates, result.Merged, result.Refused));
    }

    [Theory]
    [InlineData(6, 1, Fast)]
    [InlineData(20, 1, Fast)]
    [InlineData(20, 32, Fast)]
    [InlineData(20, 1, 0)]
    [InlineData(20, 32, 0)]
    public async Task Every_detected_obstacle_is_mapped_once_and_the_listeners_verify_what_they_receive(int vehicles, int batchSize, double timeScale)
    {
        V2VSimulationResult result = await RunAsync(new V2VSimulationScenario(vehicles) { BatchSize = batchSize, TimeScale = timeScale }, V2VSimulationFeed.InProcess());

        Assert.True(result.Reports > vehicles, $"{result.Reports} reports");
        Assert.Equal(result.DetectedObstacles, result.MappedObstacles);
        Assert.Equal((0, 0, 0L), (result.Duplicates, result.Merged, result.Refused));
        Assert.True(result.Delivered > 0);
        Assert.Equal(result.Reports, result.Store.Count);
        Assert.True(batchSize == 1 ? result.Transactions == result.Reports : result.Transactions < result.Reports);
        // Every delivery was timed (the figures themselves are for the benchmark report, not for a test on a shared machine).
        Assert.Equal((result.Delivered, result.Delivered), (result.Verify.Count, result.Retrieve.Count));
    }

    [Fact]
    public async Task The_feed_runs_over_a_real_Mosquitto_with_the_vehicles_read_only_accounts()
    {
        MqttAccount publisher = V2VTopics.PublisherAccount("publisher", "publisher-pw"), vehicles = V2VTopics.VehicleAccount("vehicles", "vehicles-pw");
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [publisher, vehicles] }, TestContext.Current.CancellationToken);

        V2VSimulationResult result = await RunAsync(new V2VSimulationScenario(20) { TimeScale = Fast }, V2VSimulationFeed.Mqtt(broker.Endpoint, publisher, vehicles));

        Assert.StartsWith("MQTT v5 broker at 127.0.0.1:", result.Feed, StringComparison.Ordinal);
        Assert.Equal((0, 0L), (result.Duplicates, result.Refused));
        Assert.True(result.Delivered > 0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_world_and_reports()
    {
        V2VSimulationResult first = await RunAsync(new V2VSimulationScenario(20, Seed: 7) { TimeScale = Fast }, V2VSimulationFeed.InProcess());
        V2VSimulationResult second = await RunAsync(new V2VSimulationScenario(20, Seed: 7) { TimeScale = 0 }, V2VSimulationFeed.InProcess());
        V2VSimulationResult other = await RunAsync(new V2VSimulationScenario(20, Seed: 8) { TimeScale = Fast }, V2VSimulationFeed.InProcess());

        Assert.Equal((first.PlacedObstacles, first.Reports, first.MappedObstacles), (second.PlacedObstacles, second.Reports, second.MappedObstacles));
        Assert.Equal(Sorted(first.Map.Detections), Sorted(second.Map.Detections));
        Assert.NotEqual(first.Map.Routes[0], other.Map.Routes[0]);
        Assert.Contains("vehicles,seed,stuck", V2VSimulation.ToCsv([first, other]), StringComparison.Ordinal);
        Assert.Equal(3, V2VSimulation.ToCsv([first, other]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task In_real_time_the_reports_are_spread_over_the_simulated_time_and_the_relay_batches_them_as_they_come()
    {
        // 60 simulated seconds at 20 times the wall clock: the reporting takes about 3 s, not as long as the ledger needs.
        V2VSimulationResult result = await RunAsync(new V2VSimulationScenario(20) { BatchSize = 64, TimeScale = Fast, BatchLingerMilliseconds = 1_000 }, V2VSimulationFeed.InProcess());

        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromMinutes(1));
        // About one batch per simulated second with a reporting in it, each anchored after a linger of a simulated second.
        Assert.InRange(result.Transactions, 2, result.Reports - 1);
        Assert.Equal((0, 0, 0L), (result.Duplicates, result.Merged, result.Refused));
        Assert.Equal(result.Reports, result.Store.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_001)]
    [InlineData(double.NaN)]
    public void A_time_scale_out_of_range_is_refused_naming_it(double timeScale)
    {
        var e = Assert.Throws<ConfigurationException>(() => new V2VSimulationScenario(6) { TimeScale = timeScale }.Validate());

        Assert.Contains("TimeScale", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<GeoPoint> Sorted(IEnumerable<GeoPoint> points) => points.OrderBy(p => p.LatitudeMicrodegrees).ThenBy(p => p.LongitudeMicrodegrees);

    private const double Fast = 20;

    private static Task<V2VSimulationResult> RunAsync(V2VSimulationScenario scenario, V2VSimulationFeed feed) =>
        V2VSimulation.RunAsync(scenario, StartEmbedded, feed, EmbeddedContentStore.InMemory(), TestContext.Current.CancellationToken);

    private static Task<(IV2VContract, ILedgerTimeControl, IAsyncDisposable, string)> StartEmbedded(V2VOptions options, IReadOnlyList<ISigner> actors, CancellationToken cancellationToken)
    {
        var ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(EmbeddedMap.Start) },
            [new V2VChaincode(options)]);
        return Task.FromResult<(IV2VContract, ILedgerTimeControl, IAsyncDisposable, string)>((new V2VChaincodeAdapter(ledger), ledger, ledger, "embedded ledger"));
    }
}
