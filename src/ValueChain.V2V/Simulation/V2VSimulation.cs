using System.Diagnostics;
using System.Globalization;
using System.Text;
using ValueChain.Content;
using ValueChain.Cryptography;
using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary>
/// The obstacle-sharing simulation: seeded vehicles drive routes at their speeds past static and moving obstacles,
/// detect those within sensor range and report them — each report into the content store and onto the ledger (one
/// transaction per report, or relayed in batches), where the ledger's matching maps or confirms — while listening
/// vehicles receive the mapped and confirmed obstacles over the live feed and verify them before use. Reports the
/// obstacles mapped, duplicates, throughput and the store / verify / retrieve latency percentiles.
/// </summary>
public static class V2VSimulation
{
    /// <summary>The runs the issue asks for: 6, 20, 100 and 1000 vehicles.</summary>
    public static IReadOnlyList<int> FleetSizes { get; } = [6, 20, 100, 1000];

    /// <summary>
    /// Runs <paramref name="scenario"/> on a map started by <paramref name="startMap"/> (given the deployment's options and
    /// every actor that sends transactions, to fund them where a ledger needs it), storing reports in
    /// <paramref name="store"/> and delivering the feed through <paramref name="feed"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The scenario is invalid.</exception>
    public static async Task<V2VSimulationResult> RunAsync(
        V2VSimulationScenario scenario,
        Func<V2VOptions, IReadOnlyList<ISigner>, CancellationToken, Task<(IV2VContract Map, ILedgerTimeControl Time, IAsyncDisposable Owner, string Name)>> startMap,
        V2VSimulationFeed feed,
        IContentStore store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(startMap);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(store);
        scenario.Validate();
        var random = new Random((scenario.Seed * 7919) + scenario.Vehicles);
        SimulationWorld world = SimulationWorld.Build(scenario, random);
        EthereumSigner issuer = Signer("issuer", scenario.Seed), police = Signer("police", scenario.Seed), relay = Signer("relay", scenario.Seed);
        EthereumSigner[] trips = [.. world.Vehicles.Select(v => new TripKeys(Keccak256.Hash(Encoding.UTF8.GetBytes($"v2v simulation {scenario.Seed} vehicle {v.Index}")).ToArray()).ForTrip(1))];
        var options = new V2VOptions { Issuer = issuer.Address, MaxBatchSize = Math.Max(256, scenario.BatchSize) };
        options.Authorities.Add(police.Address);
        (IV2VContract map, ILedgerTimeControl time, IAsyncDisposable owner, string ledgerName) = await startMap(options, [issuer, police, relay, .. trips], cancellationToken).ConfigureAwait(false);
        await using IAsyncDisposable _ = owner;
        DateTimeOffset start = DateTimeOffset.FromUnixTimeSeconds((await time.GetTimeAsync(cancellationToken).ConfigureAwait(false)).ToUnixTimeSeconds());
        await Task.WhenAll(trips.Select(t => map.CertifyAsync(issuer, t.Address, start.AddMinutes(-1), start.AddHours(2), cancellationToken))).ConfigureAwait(false);

        var run = new Run(scenario, world, map, store, trips, relay, start);
        await using Listening listening = await Listening.StartAsync(run, feed, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        if (scenario.TimeScale == 0)
        {
            await RunBurstsAsync(scenario, run, listening, random, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RunInRealTimeAsync(scenario, run, listening, random, start, clock, cancellationToken).ConfigureAwait(false);
        }

        TimeSpan elapsed = clock.Elapsed;
        await listening.DrainAsync(run.Publishable, cancellationToken).ConfigureAwait(false);
        return run.Result(ledgerName, feed.Name, elapsed, listening);
    }

    // A capacity run: each second's reports at once, waited for before the next second.
    private static async Task RunBurstsAsync(V2VSimulationScenario scenario, Run run, Listening listening, Random random, CancellationToken cancellationToken)
    {
        for (int second = 0; second < scenario.DurationSeconds; second++)
        {
            await listening.MoveAsync(second, cancellationToken).ConfigureAwait(false);
            List<Detection> detections = run.Detect(second, random);
            if (scenario.BatchSize == 1)
            {
                await Task.WhenAll(detections.Select(d => run.AnchorAsync(d, cancellationToken))).ConfigureAwait(false);
            }
            else
            {
                await run.AnchorBatchesAsync(detections, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Vehicles as independent actors on the simulated clock: each report leaves its vehicle at its detection time (scaled
    // to wall time) without waiting for any other, through the relay's batches when there are batches.
    private static async Task RunInRealTimeAsync(V2VSimulationScenario scenario, Run run, Listening listening, Random random, DateTimeOffset start, Stopwatch clock, CancellationToken cancellationToken)
    {
        TimeSpan Wall(TimeSpan simulated) => simulated / scenario.TimeScale;
        SimulationRelay? relay = scenario.BatchSize == 1 ? null
            : new SimulationRelay(run, scenario.BatchSize, Wall(TimeSpan.FromMilliseconds(scenario.BatchLingerMilliseconds)), cancellationToken);
        var reporting = new List<Task>();
        async Task ReportAsync(Detection detection)
        {
            TimeSpan wait = Wall(detection.Report.DetectedAt - start) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            await (relay is null ? run.AnchorAsync(detection, cancellationToken) : relay.SubmitAsync(detection, cancellationToken)).ConfigureAwait(false);
        }

        try
        {
            for (int second = 0; second < scenario.DurationSeconds; second++)
            {
                TimeSpan due = Wall(TimeSpan.FromSeconds(second)) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }

                await listening.MoveAsync(second, cancellationToken).ConfigureAwait(false);
                reporting.AddRange(run.Detect(second, random).Select(ReportAsync));
            }

            await Task.WhenAll(reporting).ConfigureAwait(false);
        }
        finally
        {
            // Also when a report failed: the relay anchors what it holds and stops.
            if (relay is not null)
            {
                await relay.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The results as CSV, one line per run, with a header.</summary>
    public static string ToCsv(IEnumerable<V2VSimulationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder("vehicles,seed,stuck,batch_size,ledger,feed,placed,detected,mapped,duplicates,merged,reports,transactions,blocks,seconds,tx_per_s,reports_per_s,tx_per_block,block_time_ms,delivered,refused,"
            + "store_p50_ms,store_p95_ms,store_p99_ms,verify_p50_ms,verify_p95_ms,verify_p99_ms,retrieve_p50_ms,retrieve_p95_ms,retrieve_p99_ms,store_within_500ms,verify_retrieve_within_1s,time_scale,batch_linger_ms\n");
        foreach (V2VSimulationResult r in results)
        {
            csv.AppendLine(string.Join(',', new object[]
            {
                r.Scenario.Vehicles, r.Scenario.Seed, r.Scenario.StuckNearObstacles, r.Scenario.BatchSize, Quote(r.Ledger), Quote(r.Feed), r.PlacedObstacles, r.DetectedObstacles,
                r.MappedObstacles, r.Duplicates, r.Merged, r.Reports, r.Transactions, r.Blocks, r.Elapsed.TotalSeconds, r.TransactionsPerSecond, r.ReportsPerSecond,
                r.TransactionsPerBlock, r.BlockTime.TotalMilliseconds, r.Delivered, r.Refused,
                r.Store.P50, r.Store.P95, r.Store.P99, r.Verify.P50, r.Verify.P95, r.Verify.P99, r.Retrieve.P50, r.Retrieve.P95, r.Retrieve.P99,
                r.StoreWithinLimit, r.VerifyRetrieveWithinLimit, r.Scenario.TimeScale, r.Scenario.BatchLingerMilliseconds,
            }.Select(v => v is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        return csv.ToString();
    }

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static EthereumSigner Signer(string name, int seed) =>
        new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes($"v2v simulation {seed} {name}")).ToArray()));
}
