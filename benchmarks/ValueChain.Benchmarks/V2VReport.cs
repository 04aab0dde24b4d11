using System.Diagnostics;
using System.Globalization;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.V2V;

namespace ValueChain.Benchmarks;

/// <summary>
/// <c>v2v-report</c>: the V2V figures of issue 18 as per-call percentiles, which BenchmarkDotNet's per-iteration means do
/// not give: one matching preview among 100 000 mapped obstacles (target p99 under 1 ms), and the simulation on the
/// embedded ledger at 6, 20, 100 and 1000 vehicles (targets at 1000: store p99 under 50 ms, verify + retrieve p99 under
/// 20 ms; throughput growing linearly with the fleet). The feed runs in process here, so the figures are the ledger's
/// and the store's; <c>valuechain simulate v2v</c> runs it over Mosquitto and on anvil.
/// </summary>
internal static class V2VReport
{
    public static async Task RunAsync(IReadOnlyList<int> fleets)
    {
        Console.WriteLine($"V2V report on {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Matching();
        Console.WriteLine();
        Console.WriteLine("| vehicles | reports | mapped | duplicates | tx/s | reports/s | reports/s per vehicle | tx/block | store p50/p99 ms | verify p99 ms | retrieve p99 ms | verify+retrieve p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (int vehicles in fleets)
        {
            V2VSimulationResult r = await V2VSimulation.RunAsync(new V2VSimulationScenario(vehicles), StartEmbedded, V2VSimulationFeed.InProcess(), EmbeddedContentStore.InMemory());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {vehicles} | {r.Reports} | {r.MappedObstacles} | {r.Duplicates} | {r.TransactionsPerSecond:F0} | {r.ReportsPerSecond:F0} | {r.ReportsPerSecond / vehicles:F2} | {r.TransactionsPerBlock:F1} | {r.Store.P50:F1} / {r.Store.P99:F1} | {r.Verify.P99:F1} | {r.Retrieve.P99:F1} | {r.Verify.P99 + r.Retrieve.P99:F1} |"));
        }
    }

    // 100 000 obstacles over 0.2° × 0.2° (as ObstacleMatchingBenchmarks), 20 000 timed previews after 2 000 warm-up ones.
    private static void Matching()
    {
        var random = new Random(18);
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var index = new ObstacleGridIndex(2_000, MatchingRules.Default);
        GeoPoint Position() => new(48_000_000 + random.Next(200_000), 11_000_000 + random.Next(200_000));
        for (int id = 1; id <= 100_000; id++)
        {
            index.Put(new Obstacle(id, (ObstacleKind)random.Next(1, 8), Position(), false, 0, 0, at, at, Address.Zero, Hash32.Zero, 1, 0, at, at, ObstacleStatus.Active));
        }

        StaticObstacleReport[] reports = [.. Enumerable.Range(0, 22_000).Select(_ => new StaticObstacleReport(Address.Zero, at.AddSeconds(random.Next(300)), Position(), 5, (ObstacleKind)random.Next(1, 8), 90))];
        var milliseconds = new List<double>(20_000);
        for (int i = 0; i < reports.Length; i++)
        {
            long started = Stopwatch.GetTimestamp();
            index.Match(reports[i]);
            if (i >= 2_000)
            {
                milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        LatencyPercentiles p = LatencyPercentiles.Of(milliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Matching among {index.Count} obstacles, {p.Count} previews: p50 {p.P50 * 1000:F1} µs, p95 {p.P95 * 1000:F1} µs, p99 {p.P99 * 1000:F1} µs (target p99 < 1 ms)"));
    }

    private static Task<(IV2VContract, ILedgerTimeControl, IAsyncDisposable, string)> StartEmbedded(V2VOptions options, IReadOnlyList<ISigner> actors, CancellationToken cancellationToken)
    {
        var ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)) },
            [new V2VChaincode(options)]);
        return Task.FromResult<(IV2VContract, ILedgerTimeControl, IAsyncDisposable, string)>((new V2VChaincodeAdapter(ledger), ledger, ledger, "embedded ledger"));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
