using System.Text;
using System.Text.Json.Nodes;

namespace ValueChain.V2V.Tests;

// The live feed over a real Mosquitto: what a vehicle receives it verifies against the ledger before use.
public sealed class ObstacleFeedTests
{
    private static readonly GeoPoint Debris = new(48_137_000, 11_575_000);

    private static StaticObstacleReport At(Cryptography.EthereumSigner trip, GeoPoint position, long afterMilliseconds = 0) =>
        new(trip.Address, EmbeddedMap.Start.AddMilliseconds(afterMilliseconds), position, 5, ObstacleKind.Debris, 90);

    private static GeoPoint North(GeoPoint from, long microdegrees) => new(from.LatitudeMicrodegrees + microdegrees, from.LongitudeMicrodegrees);

    [Fact]
    public async Task A_vehicle_in_the_tile_receives_the_mapped_obstacle_and_its_confirmation_verified()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        ObstacleFeedSubscriber vehicle = await feed.VehicleAtAsync(North(Debris, 300));

        (_, AnchorOutcome mapped) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));
        LiveObstacle first = await LiveFeed.NextAsync(vehicle.Obstacles);
        (_, AnchorOutcome confirmed) = await feed.Client(EmbeddedMap.TripB).ReportAsync(At(EmbeddedMap.TripB, North(Debris, 20), 500));
        LiveObstacle second = await LiveFeed.NextAsync(vehicle.Obstacles);

        Assert.Equal((mapped.ObstacleId, ObstacleFeedEvent.Mapped, EmbeddedMap.TripA.Address), (first.ObstacleId, first.Event, first.Report.Reporter));
        Assert.Equal(mapped.Digest, first.Anchor.Digest);
        Assert.True(confirmed.Confirmed);
        Assert.Equal((mapped.ObstacleId, ObstacleFeedEvent.Confirmed, EmbeddedMap.TripB.Address), (second.ObstacleId, second.Event, second.Report.Reporter));
        Assert.False(vehicle.Refusals.TryRead(out _));
    }

    [Fact]
    public async Task A_vehicle_two_tiles_away_does_not_receive_the_obstacle()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        GeoPoint farAway = North(Debris, 2 * LiveFeed.Options.TileSizeMicrodegrees);
        ObstacleFeedSubscriber far = await feed.VehicleAtAsync(farAway);
        ObstacleFeedSubscriber near = await feed.VehicleAtAsync(Debris);

        (_, AnchorOutcome debris) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));
        Assert.Equal(debris.ObstacleId, (await LiveFeed.NextAsync(near.Obstacles)).ObstacleId);
        // Then an obstacle in the far vehicle's own tile: it must be the first the far vehicle receives.
        (_, AnchorOutcome local) = await feed.Client(EmbeddedMap.TripB).ReportAsync(At(EmbeddedMap.TripB, North(farAway, 100), 1_000));

        Assert.Equal(local.ObstacleId, (await LiveFeed.NextAsync(far.Obstacles)).ObstacleId);
        Assert.NotEqual(debris.ObstacleId, local.ObstacleId);
    }

    [Fact]
    public async Task A_tampered_forged_or_misfiled_message_is_dropped_and_reported()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        ObstacleFeedSubscriber vehicle = await feed.VehicleAtAsync(Debris);
        (_, AnchorOutcome genuine) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));
        LiveObstacle received = await LiveFeed.NextAsync(vehicle.Obstacles);
        GridCell tile = received.Tile;
        string topic = V2VTopics.Obstacle(LiveFeed.Options.TileSizeMicrodegrees, tile, genuine.ObstacleId);
        byte[] bytes = ReportCodec.Encode(received.Report);

        // The genuine report with its confidence changed (the publisher's account is the only one that may write).
        byte[] changed = (byte[])bytes.Clone();
        changed[3] = 10;
        await PublishAsync(feed, topic, genuine.ObstacleId, changed);
        // A report nobody anchored, under a new obstacle id.
        byte[] forged = ReportCodec.Encode(At(EmbeddedMap.TripB, North(Debris, 50), 2_000));
        await PublishAsync(feed, V2VTopics.Obstacle(LiveFeed.Options.TileSizeMicrodegrees, tile, 99), 99, forged);
        // The genuine report filed under another obstacle.
        await PublishAsync(feed, V2VTopics.Obstacle(LiveFeed.Options.TileSizeMicrodegrees, tile, 7), 7, bytes);
        await feed.PublisherConnection.PublishAsync(topic, Encoding.UTF8.GetBytes("{not json"), retain: false, TestContext.Current.CancellationToken);

        FeedRefusal tampered = await LiveFeed.NextAsync(vehicle.Refusals), unanchored = await LiveFeed.NextAsync(vehicle.Refusals);
        FeedRefusal misfiled = await LiveFeed.NextAsync(vehicle.Refusals), malformed = await LiveFeed.NextAsync(vehicle.Refusals);

        Assert.Equal(ReportStatus.Unanchored, tampered.Status);
        Assert.Equal(ReportStatus.Unanchored, unanchored.Status);
        Assert.Contains($"anchored under obstacle {genuine.ObstacleId}, not 7", misfiled.Reason, StringComparison.Ordinal);
        Assert.Null(malformed.Status);
        Assert.False(vehicle.Obstacles.TryRead(out _));
    }

    [Fact]
    public async Task A_vehicle_crossing_a_tile_border_gets_the_obstacles_of_its_new_neighbourhood()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        int tile = LiveFeed.Options.TileSizeMicrodegrees;
        ObstacleFeedSubscriber vehicle = await feed.VehicleAtAsync(Debris);
        GeoPoint ahead = North(Debris, 2 * tile);
        ObstacleFeedSubscriber witness = await feed.VehicleAtAsync(ahead);
        (_, AnchorOutcome aheadObstacle) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, ahead));
        Assert.Equal(aheadObstacle.ObstacleId, (await LiveFeed.NextAsync(witness.Obstacles)).ObstacleId);

        Assert.False(await vehicle.MoveToAsync(North(Debris, 10)));
        Assert.True(await vehicle.MoveToAsync(North(Debris, tile)));

        LiveObstacle retained = await LiveFeed.NextAsync(vehicle.Obstacles);
        Assert.Equal(aheadObstacle.ObstacleId, retained.ObstacleId);
        Assert.Equal(GridCell.Of(North(Debris, tile), tile), vehicle.Tile);
    }

    [Fact]
    public async Task Vehicles_may_subscribe_to_tiles_but_the_broker_refuses_their_publications()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        ObstacleFeedSubscriber listener = await feed.VehicleAtAsync(Debris);
        await using IObstacleFeedConnection intruder = await MqttObstacleFeedConnection.ConnectAsync(feed.Broker.Endpoint, LiveFeed.Vehicles, "intruder", TestContext.Current.CancellationToken);
        string topic = V2VTopics.Obstacle(LiveFeed.Options.TileSizeMicrodegrees, GridCell.Of(Debris, LiveFeed.Options.TileSizeMicrodegrees), 1);

        await intruder.SubscribeAsync([V2VTopics.Tile(LiveFeed.Options.TileSizeMicrodegrees, GridCell.Of(Debris, LiveFeed.Options.TileSizeMicrodegrees))], TestContext.Current.CancellationToken);
        bool accepted = await intruder.PublishAsync(topic, Encoding.UTF8.GetBytes("{}"), retain: true, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ConfigurationException>(() => intruder.SubscribeAsync(["appmarket/#"], TestContext.Current.CancellationToken));
        (_, AnchorOutcome genuine) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));

        Assert.False(accepted);
        // The refused message never reaches the listener: the first thing it gets is the genuine obstacle.
        Assert.Equal(genuine.ObstacleId, (await LiveFeed.NextAsync(listener.Obstacles)).ObstacleId);
        Assert.False(listener.Refusals.TryRead(out _));
    }

    private static async Task PublishAsync(LiveFeed feed, string topic, long obstacleId, byte[] report)
    {
        var message = new JsonObject { ["obstacleId"] = obstacleId, ["event"] = "Mapped", ["report"] = Hex.Encode(report), ["proof"] = null };
        Assert.True(await feed.PublisherConnection.PublishAsync(topic, Encoding.UTF8.GetBytes(message.ToJsonString()), retain: false, TestContext.Current.CancellationToken));
    }
}
