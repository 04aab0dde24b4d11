using CsCheck;

namespace ValueChain.V2V.Tests;

public sealed class GeometryTests
{
    private static readonly Address Trip = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_764_590_400_000);

    [Fact]
    public void The_fixed_point_sine_is_within_two_ten_thousandths_of_the_true_sine_everywhere()
    {
        for (long a = -36_000; a <= 72_000; a += 7)
        {
            Assert.InRange(FixedPointTrig.Sin(a) - (Math.Sin(a / 100.0 * Math.PI / 180) * 10_000), -2, 2);
            Assert.InRange(FixedPointTrig.Cos(a) - (Math.Cos(a / 100.0 * Math.PI / 180) * 10_000), -2, 2);
        }
    }

    [Fact]
    public void The_sine_table_is_the_rounded_sine_of_each_whole_degree()
    {
        for (int d = 0; d <= 90; d++)
        {
            Assert.Equal((short)Math.Round(Math.Sin(d * Math.PI / 180) * 10_000), FixedPointTrig.SineTable[d]);
        }
    }

    [Fact]
    public void The_integer_distance_is_within_half_a_percent_of_the_great_circle_distance_near_the_radius()
    {
        Gen.Select(Gen.Int[-70_000_000, 70_000_000], Gen.Int[-179_000_000, 179_000_000], Gen.Int[-200, 200], Gen.Int[-200, 200]).Sample((lat, lon, dLat, dLon) =>
        {
            var a = new GeoPoint(lat, lon);
            var b = new GeoPoint(lat + dLat, lon + dLon);
            long? squared = ObstacleMatching.SquaredDistance(Report(b), Obstacle(a), MatchingRules.Default);
            double metres = Math.Sqrt(squared!.Value) / 1000, truth = a.DistanceTo(b);
            Assert.True(Math.Abs(metres - truth) <= (0.005 * truth) + 0.01, $"{metres} m against {truth} m");
        });
    }

    [Fact]
    public void Longitude_differences_wrap_at_the_antimeridian_and_far_or_other_kinds_never_match()
    {
        Obstacle east = Obstacle(new GeoPoint(0, 179_999_990));

        Assert.Equal(east.Id, ObstacleMatching.Match(Report(new GeoPoint(0, -179_999_990)), [east], MatchingRules.Default));
        Assert.Null(ObstacleMatching.SquaredDistance(Report(new GeoPoint(2_000_000, 179_999_990)), east, MatchingRules.Default));
        Assert.Null(ObstacleMatching.Match(Report(new GeoPoint(0, 179_999_990)) with { Kind = ObstacleKind.Animal }, [east], MatchingRules.Default));
        Assert.Null(ObstacleMatching.Match(Report(new GeoPoint(0, 179_999_990)) with { DetectedAt = At.AddMinutes(6) }, [east], MatchingRules.Default));
    }

    [Fact]
    public void Of_two_equally_near_obstacles_the_lower_id_wins_and_the_nearer_beats_both()
    {
        Obstacle north = Obstacle(new GeoPoint(90, 0)) with { Id = 7 }, south = Obstacle(new GeoPoint(-90, 0)) with { Id = 3 };

        Assert.Equal(3, ObstacleMatching.Match(Report(new GeoPoint(0, 0)), [north, south], MatchingRules.Default));
        Assert.Equal(7, ObstacleMatching.Match(Report(new GeoPoint(10, 0)), [south, north], MatchingRules.Default));
    }

    [Fact]
    public void The_grid_index_finds_what_a_scan_of_every_obstacle_finds()
    {
        Gen.Select(Gen.Select(Gen.Int[-3_000, 3_000], Gen.Int[-3_000, 3_000]).Array[1, 60], Gen.Int[-3_000, 3_000], Gen.Int[-3_000, 3_000]).Sample((obstacles, lat, lon) =>
        {
            var index = new ObstacleGridIndex(2_000, MatchingRules.Default);
            List<Obstacle> all = [.. obstacles.Select((p, i) => Obstacle(new GeoPoint(48_000_000 + p.Item1, 11_000_000 + p.Item2)) with { Id = i + 1 })];
            all.ForEach(o => index.Put(o));
            ObstacleReport report = Report(new GeoPoint(48_000_000 + lat, 11_000_000 + lon));

            Assert.Equal(ObstacleMatching.Match(report, all, MatchingRules.Default), index.Match(report));
        });
    }

    [Fact]
    public void The_batch_tree_proves_every_position_and_nothing_else()
    {
        Gen.Int[1, 40].Sample(size =>
        {
            Hash32[] digests = [.. Enumerable.Range(0, size).Select(i => Keccak256.Hash(BitConverter.GetBytes(i)))];
            Hash32 root = ReportBatchTree.Root(digests);
            for (int i = 0; i < size; i++)
            {
                IReadOnlyList<Hash32> path = ReportBatchTree.Path(digests, i);
                Assert.True(ReportBatchTree.Verify(digests[i], i, size, path, root));
                Assert.False(ReportBatchTree.Verify(digests[(i + 1) % size], i, size, path, root) && size > 1);
                Assert.False(size > 1 && ReportBatchTree.Verify(digests[i], (i + 1) % size, size, path, root), $"size {size} index {i}");
                Assert.False(ReportBatchTree.Verify(digests[i], i, size, path, Keccak256.Hash(root.ToArray())));
            }
        });
    }

    private static StaticObstacleReport Report(GeoPoint at) => new(Trip, At, at, 5, ObstacleKind.Debris, 90);

    private static Obstacle Obstacle(GeoPoint at) =>
        new(1, ObstacleKind.Debris, at, false, 0, 0, At, At, Trip, Hash32.Zero, 1, 0, At, At, ObstacleStatus.Active);
}
