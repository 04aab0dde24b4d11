using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests;

// Obstacles leaving the map over a real Mosquitto: the publisher clears their retained topics; vehicles in the tile
// learn it, checked against the ledger, as a DENM would say it (expiry: isCancellation, negation: isNegation); later
// subscribers no longer receive them.
public sealed class ObstacleFeedClosureTests
{
    private static readonly GeoPoint Debris = new(48_137_000, 11_575_000);

    [Fact]
    public async Task An_expired_obstacle_is_cleared_from_its_tile_and_reaches_the_vehicles_as_a_cancellation()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        ObstacleFeedSubscriber vehicle = await feed.VehicleAtAsync(Debris);
        (_, AnchorOutcome mapped) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));
        Assert.Equal(mapped.ObstacleId, (await LiveFeed.NextAsync(vehicle.Obstacles)).ObstacleId);

        await feed.Map.Ledger.AdvanceAsync(EmbeddedMap.Options().Expiry + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await feed.Map.Map.ExpireAsync(EmbeddedMap.TripB, mapped.ObstacleId, TestContext.Current.CancellationToken);
        ObstacleFeedClosure closure = await LiveFeed.NextAsync(vehicle.Closures);

        Assert.Equal((mapped.ObstacleId, DenmTermination.IsCancellation, ObstacleStatus.Expired), (closure.ObstacleId, closure.Termination, closure.Obstacle.Status));
        Assert.Equal(GridCell.Of(Debris, LiveFeed.Options.TileSizeMicrodegrees), closure.Tile);
        await AssertNothingRetainedAsync(feed, mapped.ObstacleId);
        Assert.False(vehicle.Refusals.TryRead(out _));
    }

    [Fact]
    public async Task A_negated_obstacle_is_cleared_from_its_tile_and_reaches_the_vehicles_as_a_negation()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        ObstacleFeedSubscriber vehicle = await feed.VehicleAtAsync(Debris);
        (_, AnchorOutcome mapped) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));
        Assert.Equal(mapped.ObstacleId, (await LiveFeed.NextAsync(vehicle.Obstacles)).ObstacleId);

        await feed.Map.Map.NegateAsync(EmbeddedMap.TripB, mapped.ObstacleId, TestContext.Current.CancellationToken);
        ObstacleFeedClosure closure = await LiveFeed.NextAsync(vehicle.Closures);

        Assert.Equal((mapped.ObstacleId, DenmTermination.IsNegation, ObstacleStatus.Negated), (closure.ObstacleId, closure.Termination, closure.Obstacle.Status));
        // The same termination the ETSI conversion gives the closed obstacle.
        Assert.Equal(ObstacleTermination.Of(closure.Obstacle, new ActionId(1, 1), EmbeddedMap.Start).Termination, closure.Termination);
        await AssertNothingRetainedAsync(feed, mapped.ObstacleId);
    }

    [Fact]
    public async Task A_cleared_topic_of_an_obstacle_the_ledger_holds_active_is_refused()
    {
        await using LiveFeed feed = await LiveFeed.StartAsync();
        ObstacleFeedSubscriber vehicle = await feed.VehicleAtAsync(Debris);
        (_, AnchorOutcome mapped) = await feed.Client(EmbeddedMap.TripA).ReportAsync(At(EmbeddedMap.TripA, Debris));
        Assert.Equal(mapped.ObstacleId, (await LiveFeed.NextAsync(vehicle.Obstacles)).ObstacleId);
        string topic = V2VTopics.Obstacle(LiveFeed.Options.TileSizeMicrodegrees, GridCell.Of(Debris, LiveFeed.Options.TileSizeMicrodegrees), mapped.ObstacleId);

        await feed.PublisherConnection.PublishAsync(topic, ReadOnlyMemory<byte>.Empty, retain: false, TestContext.Current.CancellationToken);
        FeedRefusal refusal = await LiveFeed.NextAsync(vehicle.Refusals);

        Assert.Contains($"the ledger holds obstacle {mapped.ObstacleId} as Active", refusal.Reason, StringComparison.Ordinal);
        Assert.False(vehicle.Closures.TryRead(out _));
    }

    private static StaticObstacleReport At(Cryptography.EthereumSigner trip, GeoPoint position) =>
        new(trip.Address, EmbeddedMap.Start, position, 5, ObstacleKind.Debris, 90);

    // A vehicle that subscribes now gets a later obstacle of the tile first: the closed one's retained report is gone.
    private static async Task AssertNothingRetainedAsync(LiveFeed feed, long closedId)
    {
        ObstacleFeedSubscriber late = await feed.VehicleAtAsync(Debris);
        (_, AnchorOutcome other) = await feed.Client(EmbeddedMap.TripB).ReportAsync(new StaticObstacleReport(
            EmbeddedMap.TripB.Address, EmbeddedMap.Start.AddSeconds(1), new GeoPoint(Debris.LatitudeMicrodegrees + 2_000, Debris.LongitudeMicrodegrees), 5, ObstacleKind.Animal, 90));

        LiveObstacle first = await LiveFeed.NextAsync(late.Obstacles);
        Assert.NotEqual(closedId, other.ObstacleId);
        Assert.Equal(other.ObstacleId, first.ObstacleId);
    }
}
