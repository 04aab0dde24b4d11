using System.Diagnostics;
using System.Globalization;
using ValueChain.Ledger;
using ValueChain.Ledger.Ethereum;
using ValueChain.Ledger.InMemory;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Testing;
using ValueChain.V2V;
using ValueChain.V2V.Ethereum;

namespace ValueChain.Benchmarks;

/// <summary>
/// <c>v2v-report</c>: the V2V figures of issue 18 as per-report percentiles, which BenchmarkDotNet's per-iteration means
/// do not give: one matching preview among 100 000 mapped obstacles (target p99 under 1 ms); the spec's stuck-vehicles
/// check; and the simulation in real time (each vehicle submits each report at its detection time, independently of the
/// others) on the embedded ledger for each fleet size (targets at 1000: store p99 under 50 ms, verify + retrieve p99
/// under 20 ms; throughput growing linearly with the fleet), then, with <c>--anvil</c>, on a local anvil with a relay's
/// batched anchoring (target: store p99 under the spec's 500 ms). The feed runs in process, so the figures are the
/// ledger's, the store's and the feed's, without a broker's network hop; <c>valuechain simulate v2v</c> runs it over
/// Mosquitto. Every line names the machine's load, since the figures depend on it.
/// </summary>
internal static class V2VReport
{
    public static async Task RunAsync(IReadOnlyList<int> fleets, bool anvil, int batchSize, double timeScale)
    {
        Console.WriteLine($"V2V report on {Environment.ProcessorCount} cores, {Uptime()}");
        Matching();
        Console.WriteLine();
        V2VSimulationResult stuck = await V2VSimulation.RunAsync(V2VSimulationScenario.Stuck(6) with { TimeScale = 0 }, StartEmbedded, V2VSimulationFeed.InProcess(), EmbeddedContentStore.InMemory());
        Console.WriteLine($"The spec's check: six vehicles stuck near six obstacles map {stuck.MappedObstacles} obstacles from {stuck.Reports} reports, duplicates {stuck.Duplicates}.");
        Console.WriteLine();
        Console.WriteLine($"Embedded ledger, one transaction per report, time scale {timeScale.ToString(CultureInfo.InvariantCulture)} (targets at 1000 vehicles: store p99 < 50 ms, verify + retrieve p99 < 20 ms)");
        var series = new List<V2VSimulationResult>();
        Header();
        foreach (int vehicles in fleets)
        {
            V2VSimulationResult r = await V2VSimulation.RunAsync(new V2VSimulationScenario(vehicles) { TimeScale = timeScale }, StartEmbedded, V2VSimulationFeed.InProcess(), EmbeddedContentStore.InMemory());
            series.Add(r);
            Row(r);
        }

        Throughput(series);
        if (anvil)
        {
            Console.WriteLine();
            Console.WriteLine($"anvil (automine), a relay anchoring batches of up to {batchSize} (linger 100 ms) (target: store p99 < 500 ms)");
            await using var node = new AnvilNode();
            await node.InitializeAsync();
            var onAnvil = new List<V2VSimulationResult>();
            Header();
            foreach (int vehicles in fleets)
            {
                V2VSimulationResult r = await V2VSimulation.RunAsync(new V2VSimulationScenario(vehicles) { TimeScale = timeScale, BatchSize = batchSize }, (o, a, c) => StartOnAnvilAsync(node, o, a, c), V2VSimulationFeed.InProcess(), EmbeddedContentStore.InMemory());
                onAnvil.Add(r);
                Row(r);
            }

            Throughput(onAnvil);
        }

        Console.WriteLine();
        Console.WriteLine($"Done, {Uptime()}");
    }

    private static void Header()
    {
        Console.WriteLine("| vehicles | reports | mapped | duplicates | tx | tx/block | reports/s | reports/s per vehicle | store p50 / p95 / p99 ms | verify p50 / p99 ms | retrieve p50 / p99 ms | verify + retrieve p99 ms | load |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }

    private static void Row(V2VSimulationResult r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario.Vehicles} | {r.Reports} | {r.MappedObstacles} | {r.Duplicates} | {r.Transactions} | {r.TransactionsPerBlock:F1} | {r.ReportsPerSecond:F1} | {r.ReportsPerSecond / r.Scenario.Vehicles:F3} | {r.Store.P50:F1} / {r.Store.P95:F1} / {r.Store.P99:F1} | {r.Verify.P50:F2} / {r.Verify.P99:F2} | {r.Retrieve.P50:F1} / {r.Retrieve.P99:F1} | {r.Verify.P99 + r.Retrieve.P99:F1} | {LoadAverage()} |"));

    // Linear growth: reports per second per vehicle stays the same from the smallest fleet to the largest.
    private static void Throughput(List<V2VSimulationResult> series)
    {
        if (series.Count < 2)
        {
            return;
        }

        double first = series[0].ReportsPerSecond / series[0].Scenario.Vehicles, last = series[^1].ReportsPerSecond / series[^1].Scenario.Vehicles;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput series (vehicles → reports/s): {string.Join(", ", series.Select(r => $"{r.Scenario.Vehicles} → {r.ReportsPerSecond:F1}"))}; per vehicle {first:F3} → {last:F3} ({last / first:P0} of the smallest fleet's)"));
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

    // A fresh deployment per run on the one node, every actor funded for gas; the issuer (the first actor) deploys.
    private static async Task<(IV2VContract, ILedgerTimeControl, IAsyncDisposable, string)> StartOnAnvilAsync(AnvilNode node, V2VOptions options, IReadOnlyList<ISigner> actors, CancellationToken cancellationToken)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = node.Endpoint });
        await Task.WhenAll(actors.Select(a => rpc.CallAsync("anvil_setBalance", [a.Address.ToLowerHex(), "0x56bc75e2d63100000000"], cancellationToken)));
        var clients = new SignerClients(rpc, new EthereumClientOptions { ChainId = AnvilNode.ChainId, LogPollInterval = TimeSpan.FromMilliseconds(20) },
            new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(10) });
        string folder = Directory.CreateTempSubdirectory("valuechain-v2v-report-").FullName;
        using var manifest = new ContractDeployer(clients.For(actors[0]), Path.Combine(folder, "v2v.json"), AnvilNode.ChainId);
        V2VContracts contracts = await V2VContracts.DeployAsync(clients.For(actors[0]), manifest, options, cancellationToken);
        return (new V2VEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), new Deployment(http, clients, folder), "anvil");
    }

    private static string Uptime() => File.Exists("/proc/loadavg") ? $"load average {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1, 5, 15 min)" : "load unknown";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class Deployment(HttpClient http, SignerClients clients, string folder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            clients.Dispose();
            http.Dispose();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
