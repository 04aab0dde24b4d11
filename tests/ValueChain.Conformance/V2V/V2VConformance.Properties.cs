using CsCheck;
using ValueChain.V2V;
using Xunit;
using static ValueChain.Conformance.V2V.V2VActors;

namespace ValueChain.Conformance.V2V;

public abstract partial class V2VConformance
{
    private static readonly ISigner[] Trips = [TripA, TripB, TripC, TripD];

    // Up to four obstacles far apart (10 000 µdeg ≈ 1.1 km, several index cells), each seen by one to four trips
    // within 4 m and 2 s of each other: every order of the same reports must give the same obstacles.
    private static readonly Gen<(int Cluster, int Trip, int North, int East, int Millis)[]> Clusters =
        Gen.Int[0, 3].SelectMany(clusters => Gen.Select(Gen.Int[0, clusters], Gen.Int[0, 3], Gen.Int[-18, 18], Gen.Int[-18, 18], Gen.Int[0, 2_000]).Array[1, 8])
            .Select(reports => reports.DistinctBy(r => (r.Item1, r.Item2)).ToArray());

    [Fact]
    public async Task Matching_is_symmetric_in_arrival_order_the_same_reports_in_any_order_give_the_same_obstacles()
    {
        RequireDriver();
        await Gen.Select(Clusters, Gen.Int).SampleAsync(async (reports, seed) =>
        {
            var shuffled = reports.OrderBy(r => HashCode.Combine(seed, r.Cluster, r.Trip)).ToArray();
            Assert.Equal(await PartitionAsync(reports), await PartitionAsync(shuffled));
        }, iter: 6, threads: 1);
    }

    [Fact]
    public async Task Reputation_recomputed_from_the_events_equals_the_value_the_ledger_maintains()
    {
        RequireDriver();
        // Each step: 0 report, 1 negate, 2 expire, 3 wait 5 minutes; with a trip, a place (of three) and an obstacle number.
        await Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[1, 6]).Array[4, 14].SampleAsync(async steps =>
        {
            await using V2VScene scene = await V2VScene.StartAsync(await StartLedgerAsync(Options()));
            long millis = 0;
            foreach ((int action, int trip, int place, int obstacle) in steps)
            {
                ISigner signer = Trips[trip];
                millis += 1_000;
                try
                {
                    switch (action)
                    {
                        case 0:
                            await scene.AnchorAsync(signer, scene.Static(signer, north: place * 10_000, afterMilliseconds: millis));
                            break;
                        case 1:
                            scene.Record(await scene.Map.NegateAsync(signer, obstacle));
                            break;
                        case 2:
                            scene.Record(await scene.Map.ExpireAsync(Stranger, obstacle));
                            break;
                        default:
                            await scene.Time.AdvanceAsync(TimeSpan.FromMinutes(5));
                            millis += 300_000;
                            break;
                    }
                }
                catch (ChaincodeException)
                {
                    // Refusals (an unknown obstacle, self-negation, not expired yet) change nothing and emit nothing.
                }
            }

            V2VOptions options = Options();
            foreach (ISigner trip in Trips)
            {
                Assert.Equal(ReputationRules.Recompute(trip.Address, scene.Events, options), await scene.Map.GetReputationAsync(trip.Address));
            }
        }, iter: 5, threads: 1);
    }

    // Anchors the reports in order on a fresh ledger; returns the obstacles as sets of (cluster, trip), ids left out.
    private async Task<string> PartitionAsync((int Cluster, int Trip, int North, int East, int Millis)[] reports)
    {
        await using V2VScene scene = await V2VScene.StartAsync(await StartLedgerAsync(Options()));
        var byObstacle = new SortedDictionary<long, List<string>>();
        foreach ((int cluster, int trip, int north, int east, int millis) in reports)
        {
            AnchorOutcome outcome = await scene.AnchorAsync(Trips[trip], scene.Static(Trips[trip], north: (cluster * 10_000) + north, east: east, afterMilliseconds: millis));
            if (!byObstacle.TryGetValue(outcome.ObstacleId, out List<string>? members))
            {
                byObstacle[outcome.ObstacleId] = members = [];
            }

            members.Add($"{cluster}/{trip}");
        }

        return string.Join(" | ", byObstacle.Values.Select(m => string.Join(",", m.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }
}
