using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.V2V.Tests;

// The feed through the in-process broker (what the simulation uses without Mosquitto), and batch proofs.
public sealed class InProcessFeedTests
{
    [Theory]
    [InlineData("v2v/tiles/+/+/+/obstacles/+", "v2v/tiles/10000/4813/1157/obstacles/3", true)]
    [InlineData("v2v/tiles/#", "v2v/tiles/10000/4813/1157/obstacles/3", true)]
    [InlineData("v2v/tiles/#", "v2v/tiles", true)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("v2v/tiles/10000/4813/1157/obstacles/+", "v2v/tiles/10000/4813/1158/obstacles/3", false)]
    [InlineData("v2v/tiles/10000/4813/1157/obstacles/+", "v2v/tiles/10000/4813/1157/obstacles", false)]
    [InlineData("v2v/tiles/10000/4813/1157/obstacles/+", "v2v/tiles/10000/4813/1157/obstacles/3/x", false)]
    public void Topic_filters_match_as_in_MQTT(string filter, string topic, bool matches)
    {
        Assert.Equal(matches, InProcessObstacleFeedBroker.Matches(filter, topic));
    }

    [Fact]
    public async Task Retained_messages_reach_later_subscribers_and_an_empty_one_clears_them()
    {
        var broker = new InProcessObstacleFeedBroker();
        await using IObstacleFeedConnection publisher = broker.Connect(), early = broker.Connect(), late = broker.Connect();
        await early.SubscribeAsync(["a/+"], TestContext.Current.CancellationToken);

        await publisher.PublishAsync("a/1", new byte[] { 1 }, retain: true, TestContext.Current.CancellationToken);
        await publisher.PublishAsync("a/2", new byte[] { 2 }, retain: true, TestContext.Current.CancellationToken);
        await publisher.PublishAsync("a/2", ReadOnlyMemory<byte>.Empty, retain: true, TestContext.Current.CancellationToken);
        await publisher.PublishAsync("b/1", new byte[] { 3 }, retain: true, TestContext.Current.CancellationToken);
        await late.SubscribeAsync(["a/#", "a/+"], TestContext.Current.CancellationToken);

        Assert.Equal(["a/1", "a/2", "a/2"], Drain(early).Select(p => p.Topic));
        ObstacleFeedPacket retained = Assert.Single(Drain(late));
        Assert.Equal(("a/1", true, (byte)1), (retained.Topic, retained.Retained, retained.Payload.Span[0]));
    }

    [Fact]
    public async Task Reports_anchored_in_a_batch_arrive_with_their_inclusion_proofs_and_verify()
    {
        await using EmbeddedMap map = await EmbeddedMap.StartAsync();
        var store = EmbeddedContentStore.InMemory();
        var broker = new InProcessObstacleFeedBroker();
        var options = new ObstacleFeedOptions();
        await using IObstacleFeedConnection publishing = broker.Connect(), receiving = broker.Connect();
        var vehicle = new ObstacleFeedSubscriber(receiving, new ReportVerifier(map.Map, store), options);
        await vehicle.MoveToAsync(new GeoPoint(48_137_000, 11_575_000), TestContext.Current.CancellationToken);
        var relay = new V2VClient(map.Map, store, new ReportVerifier(map.Map, store), MatchingRules.Default, EmbeddedMap.TripA);
        var other = new V2VClient(map.Map, store, new ReportVerifier(map.Map, store), MatchingRules.Default, EmbeddedMap.TripB);
        SignedReport[] reports =
        [
            await relay.SignForBatchAsync(EmbeddedMap.Report(EmbeddedMap.TripA)),
            await relay.SignForBatchAsync(EmbeddedMap.Report(EmbeddedMap.TripA, north: 3_000)),
            await other.SignForBatchAsync(EmbeddedMap.Report(EmbeddedMap.TripB, north: 10, afterMilliseconds: 100)),
        ];
        V2VReceipt batch = await map.Map.AnchorBatchAsync(EmbeddedMap.Police, reports, TestContext.Current.CancellationToken);

        var publisher = new ObstacleFeedPublisher(map.Map, store, publishing, options);
        foreach (Ledger.LedgerEvent e in await map.Map.GetEventsAsync(0, map.Ledger.Height - 1, TestContext.Current.CancellationToken))
        {
            await publisher.HandleAsync(e, TestContext.Current.CancellationToken);
        }

        foreach (ObstacleFeedPacket packet in Drain(receiving))
        {
            await vehicle.HandleAsync(packet, TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, publisher.Published);
        LiveObstacle[] received = [.. Drain(vehicle.Obstacles)];
        // Obstacles are published concurrently, each obstacle's messages in ledger order (a stable sort by obstacle keeps that order).
        Assert.Equal(
            batch.Outcomes.Select(o => (o.ObstacleId, o.Mapped ? ObstacleFeedEvent.Mapped : ObstacleFeedEvent.Confirmed)).OrderBy(o => o.ObstacleId),
            received.Select(r => (r.ObstacleId, r.Event)).OrderBy(r => r.ObstacleId));
        Assert.All(received, r => Assert.Equal(batch.BatchRoot, r.Anchor.BatchRoot));
        Assert.Empty(Drain(vehicle.Refusals));
    }

    private static List<T> Drain<T>(System.Threading.Channels.ChannelReader<T> reader)
    {
        var items = new List<T>();
        while (reader.TryRead(out T? item))
        {
            items.Add(item);
        }

        return items;
    }

    private static List<ObstacleFeedPacket> Drain(IObstacleFeedConnection connection) => Drain(connection.Inbox);
}
