using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using ValueChain.V2V;

namespace ValueChain.Benchmarks;

/// <summary>
/// One preview of the ledger's matching (<see cref="ObstacleGridIndex.Match"/>: the 3 × 3 cells around a report) with
/// 100 000 mapped obstacles, spread over 0.2° × 0.2° (about 22 km × 15 km at 48°N, some ten obstacles per 2000 µdeg
/// cell) or over 1° × 1°; reports cycle through 4096 random positions in the same area.
/// </summary>
[MemoryDiagnoser]
[MaxColumn]
[StatisticalTestColumn]
[Config(typeof(PercentileConfig))]
public class ObstacleMatchingBenchmarks
{
    private readonly StaticObstacleReport[] _reports = new StaticObstacleReport[4096];
    private ObstacleGridIndex _index = null!;
    private int _next;

    /// <summary>The side of the area the obstacles are spread over, in microdegrees.</summary>
    [Params(200_000, 1_000_000)]
    public int AreaMicrodegrees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(18);
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        _index = new ObstacleGridIndex(2_000, MatchingRules.Default);
        for (int id = 1; id <= 100_000; id++)
        {
            var kind = (ObstacleKind)random.Next(1, 8);
            _index.Put(new Obstacle(id, kind, Position(random), false, 0, 0, at, at, Address.Zero, Hash32.Zero, 1, 0, at, at, ObstacleStatus.Active));
        }

        for (int i = 0; i < _reports.Length; i++)
        {
            _reports[i] = new StaticObstacleReport(Address.Zero, at.AddSeconds(random.Next(0, 300)), Position(random), 5, (ObstacleKind)random.Next(1, 8), 90);
        }
    }

    [Benchmark]
    public long? Match_among_100_000_obstacles() => _index.Match(_reports[_next++ & 4095]);

    private GeoPoint Position(Random random) => new(48_000_000 + random.Next(AreaMicrodegrees), 11_000_000 + random.Next(AreaMicrodegrees));

    private sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.P100);
    }
}
