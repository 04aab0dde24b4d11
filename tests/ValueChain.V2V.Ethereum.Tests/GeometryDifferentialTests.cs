using System.Numerics;
using System.Text.RegularExpressions;
using CsCheck;
using ValueChain.Testing;
using ValueChain.V2V.Ethereum.Tests.Contracts;

namespace ValueChain.V2V.Ethereum.Tests;

/// <summary>The off-ledger matching function and its Solidity twin agree on random inputs, and share one sine table.</summary>
public sealed partial class GeometryDifferentialTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public void The_solidity_sine_table_is_the_csharp_table()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ValueChain.V2V.Ethereum", "Contracts", "V2VGeometry.sol"));
        string hex = TableLiteral().Match(source).Groups[1].Value;

        short[] solidity = [.. Enumerable.Range(0, hex.Length / 4).Select(i => Convert.ToInt16(hex.Substring(i * 4, 4), 16))];

        Assert.Equal(FixedPointTrig.SineTable.ToArray(), solidity);
    }

    [Fact]
    public async Task The_solidity_squared_distance_equals_the_csharp_one_on_random_reports_and_obstacles()
    {
        using var http = new HttpClient();
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, http);
        V2VGeometryProbe probe = await V2VGeometryProbe.DeployAsync(client, AnvilClients.Bytecode("V2VGeometryProbe"), TestContext.Current.CancellationToken);
        var rules = new MatchingRules(25, 300_000);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_764_590_400_000);
        var inputs = Gen.Select(
            Gen.Select(Gen.Int[-89_000_000, 89_000_000], Gen.Int[-180_000_000, 180_000_000], Gen.Int[-2_000, 2_000], Gen.Int[-2_000, 2_000], Gen.Bool),
            Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 35_999], Gen.Int[-400_000, 400_000], Gen.Int[1, 2], Gen.Int[-1_200_000, 1_200_000]));

        await inputs.SampleAsync(async (place, motion) =>
        {
            (int lat, int lon, int dLat, int dLon, bool dynamic) = place;
            (int velocity, int bearing, int dt, int kind, int far) = motion;
            int reportLon = Math.Clamp(lon + dLon + (far % 7 == 0 ? far : 0), -180_000_000, 180_000_000);
            var report = new StaticObstacleReport(Address.Zero, at.AddMilliseconds(dt), new GeoPoint(Math.Clamp(lat + dLat, -90_000_000, 90_000_000), reportLon), 5, (ObstacleKind)kind, 90);
            var obstacle = new Obstacle(1, ObstacleKind.Debris, new GeoPoint(lat, lon), dynamic, dynamic ? velocity : 0, dynamic ? bearing : 0, at, at.AddMilliseconds(dt / 3), Address.Zero, Hash32.Zero, 1, 0, at, at, ObstacleStatus.Active);

            long? expected = ObstacleMatching.SquaredDistance(report, obstacle, rules);
            BigInteger actual = await probe.SquaredDistanceAsync(
                new V2VGeometryProbe.Sighting((byte)report.Kind, (int)report.Position.LatitudeMicrodegrees, (int)report.Position.LongitudeMicrodegrees, (ulong)report.DetectedAtMilliseconds),
                new V2VGeometryProbe.Candidate(1, (byte)obstacle.Kind, lat, lon, dynamic, (ushort)obstacle.VelocityCentimetresPerSecond, (ushort)obstacle.BearingCentidegrees, (ulong)at.ToUnixTimeMilliseconds(), (ulong)obstacle.LastDetectedAt.ToUnixTimeMilliseconds()),
                new BigInteger(rules.WindowMilliseconds),
                TestContext.Current.CancellationToken);

            Assert.Equal(expected ?? -1, (long)actual);
        }, iter: 150, threads: 1);
    }

    [GeneratedRegex("SINE_TABLE = hex\"([0-9a-f]+)\"")]
    private static partial Regex TableLiteral();
}
