using System.Collections.Concurrent;
using System.Diagnostics;
using ValueChain.Content;
using ValueChain.Cryptography;

namespace ValueChain.V2V;

/// <summary>One detection: which vehicle saw which placed obstacle, and the report it makes of it.</summary>
internal sealed record Detection(int Vehicle, int Obstacle, ObstacleReport Report);

/// <summary>The reporting side of a simulation run: detection, anchoring, and what the ledger answered.</summary>
internal sealed class Run
{
    private readonly V2VSimulationScenario _scenario;
    private readonly SimulationWorld _world;
    private readonly IContentStore _store;
    private readonly EthereumSigner[] _trips;
    private readonly EthereumSigner _relay;
    private readonly DateTimeOffset _start;
    private readonly Dictionary<(int Vehicle, int Obstacle), int> _lastReported = [];
    private readonly Lock _gate = new();
    private readonly List<(Detection Detection, AnchorOutcome Outcome)> _outcomes = [];
    private readonly List<double> _storeMilliseconds = [];
    private long _firstBlock = long.MaxValue, _lastBlock = long.MinValue;
    private int _transactions;

    public Run(V2VSimulationScenario scenario, SimulationWorld world, IV2VContract map, IContentStore store, EthereumSigner[] trips, EthereumSigner relay, DateTimeOffset start)
    {
        (_scenario, _world, Map, _store, _trips, _relay, _start) = (scenario, world, map, store, trips, relay, start);
    }

    public IV2VContract Map { get; }

    public IContentStore Store => _store;

    public SimulationWorld World => _world;

    /// <summary>How many vehicles listen to the live feed.</summary>
    public int ListenerCount => Math.Min(_scenario.Listeners, _world.Vehicles.Count);

    /// <summary>When each report's anchoring was seen committed, by digest (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public ConcurrentDictionary<Hash32, long> Committed { get; } = new();

    /// <summary>How many anchored reports mapped or confirmed an obstacle, so the feed publishes them.</summary>
    public int Publishable
    {
        get
        {
            lock (_gate)
            {
                return _outcomes.Count(o => o.Outcome.Mapped || o.Outcome.Confirmed);
            }
        }
    }

    /// <summary>The reports of second <paramref name="second"/>: each vehicle reports each obstacle in sensor range, again every report interval.</summary>
    public List<Detection> Detect(int second, Random random)
    {
        var detections = new List<Detection>();
        foreach (SimulatedVehicle vehicle in _world.Vehicles)
        {
            (double X, double Y) seenFrom = vehicle.At(second);
            foreach (SimulatedObstacle obstacle in _world.Obstacles)
            {
                (double X, double Y) at = obstacle.At(second);
                if (SimulationWorld.Distance(seenFrom, at) > _scenario.SensorRangeMetres
                    || (_lastReported.TryGetValue((vehicle.Index, obstacle.Index), out int last) && second - last < _scenario.ReportIntervalSeconds))
                {
                    continue;
                }

                _lastReported[(vehicle.Index, obstacle.Index)] = second;
                detections.Add(new Detection(vehicle.Index, obstacle.Index, Report(vehicle.Index, obstacle, at, second, random)));
            }
        }

        return detections;
    }

    /// <summary>Stores and anchors one report in its own transaction, signed by its vehicle; its store latency runs from here to the commit.</summary>
    public async Task AnchorAsync(Detection detection, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        ContentId id = await _store.PutRecordAsync(ReportCodec.Encode(detection.Report), cancellationToken).ConfigureAwait(false);
        V2VReceipt receipt = await Map.AnchorReportAsync(_trips[detection.Vehicle], detection.Report, id, cancellationToken).ConfigureAwait(false);
        Record([(detection, started)], receipt);
    }

    /// <summary>The vehicle's part of batched anchoring: it stores and signs its report for the relay.</summary>
    public Task<SignedReport> SignAsync(Detection detection, CancellationToken cancellationToken) =>
        new V2VClient(Map, _store, new ReportVerifier(Map, _store), MatchingRules.Default, _trips[detection.Vehicle]).SignForBatchAsync(detection.Report, cancellationToken);

    /// <summary>The relay's part: anchors signed reports in one batch; each report's store latency runs from its vehicle's start to the commit.</summary>
    public async Task AnchorBatchAsync(IReadOnlyList<(Detection Detection, SignedReport Signed, long Started)> batch, CancellationToken cancellationToken)
    {
        V2VReceipt receipt = await Map.AnchorBatchAsync(_relay, [.. batch.Select(b => b.Signed)], cancellationToken).ConfigureAwait(false);
        Record([.. batch.Select(b => (b.Detection, b.Started))], receipt);
    }

    /// <summary>A capacity run's batches: every vehicle stores and signs at once, then the relay anchors the second's reports in batches of the scenario's size.</summary>
    public async Task AnchorBatchesAsync(List<Detection> detections, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        SignedReport[] signed = await Task.WhenAll(detections.Select(d => SignAsync(d, cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(detections.Chunk(_scenario.BatchSize).Select((chunk, i) =>
            AnchorBatchAsync([.. chunk.Select((d, k) => (d, signed[(i * _scenario.BatchSize) + k], started))], cancellationToken))).ConfigureAwait(false);
    }

    public V2VSimulationResult Result(string ledger, string feed, TimeSpan elapsed, Listening listening)
    {
        lock (_gate)
        {
            int duplicates = _outcomes.GroupBy(o => o.Detection.Obstacle).Sum(g => g.Select(o => o.Outcome.ObstacleId).Distinct().Count() - 1);
            int merged = _outcomes.GroupBy(o => o.Outcome.ObstacleId).Count(g => g.Select(o => o.Detection.Obstacle).Distinct().Count() > 1);
            var map = new V2VSimulationMap(
                [.. _world.Routes.Select(r => (IReadOnlyList<GeoPoint>)[.. r.Points.Select(SimulationWorld.ToGeo)])],
                [.. _world.Obstacles.Where(o => !o.IsMoving).Select(o => SimulationWorld.ToGeo(o.Start))],
                [.. _world.Obstacles.Where(o => o.IsMoving).Select(o => SimulationWorld.ToGeo(o.Start))],
                [.. _outcomes.Select(o => o.Detection.Report.Position)],
                [.. _outcomes.Where(o => o.Outcome.Mapped).Select(o => o.Detection.Report.Position)]);
            return new V2VSimulationResult(
                _scenario, ledger, feed, _world.Obstacles.Count, _outcomes.Select(o => o.Detection.Obstacle).Distinct().Count(), _outcomes.Count(o => o.Outcome.Mapped),
                duplicates, merged, _outcomes.Count, _transactions, _transactions == 0 ? 0 : _lastBlock - _firstBlock + 1, elapsed,
                listening.Delivered.Count, listening.Refused,
                LatencyPercentiles.Of(_storeMilliseconds),
                LatencyPercentiles.Of(listening.Delivered.Select(d => d.VerificationTime.TotalMilliseconds)),
                LatencyPercentiles.Of(listening.Delivered.Select(Retrieval)),
                map);
        }
    }

    private void Record(IReadOnlyList<(Detection Detection, long Started)> reports, V2VReceipt receipt)
    {
        long committed = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _transactions++;
            _firstBlock = Math.Min(_firstBlock, receipt.BlockNumber);
            _lastBlock = Math.Max(_lastBlock, receipt.BlockNumber);
            for (int i = 0; i < reports.Count; i++)
            {
                _outcomes.Add((reports[i].Detection, receipt.Outcomes[i]));
                _storeMilliseconds.Add(Stopwatch.GetElapsedTime(reports[i].Started, committed).TotalMilliseconds);
                Committed.TryAdd(receipt.Outcomes[i].Digest, committed);
            }
        }
    }

    // From when the vehicle could have had the report (committed, and its tile subscribed) until it had it: a retained
    // obstacle that a vehicle receives on entering a tile counts from the subscription, not from its commit long before.
    private double Retrieval(LiveObstacle delivered)
    {
        long available = Committed.TryGetValue(delivered.Anchor.Digest, out long committed) ? Math.Max(committed, delivered.SubscribedTimestamp) : delivered.SubscribedTimestamp;
        return Math.Max(0, Stopwatch.GetElapsedTime(available, delivered.ReceivedTimestamp).TotalMilliseconds);
    }

    // What the vehicle's sensors make of it: the position within ±3 m, a moving obstacle's speed and heading.
    private ObstacleReport Report(int vehicle, SimulatedObstacle obstacle, (double X, double Y) at, int second, Random random)
    {
        GeoPoint position = SimulationWorld.ToGeo((at.X + (random.NextDouble() * 6) - 3, at.Y + (random.NextDouble() * 6) - 3));
        DateTimeOffset detected = _start.AddMilliseconds((second * 1000L) + (vehicle % 997));
        Address reporter = _trips[vehicle].Address;
        int confidence = 80 + random.Next(20);
        if (!obstacle.IsMoving)
        {
            return new StaticObstacleReport(reporter, detected, position, 5, obstacle.Kind, confidence);
        }

        int bearing = (int)((((long)Math.Round(obstacle.Bearing * 180 / Math.PI * 100) % 36_000) + 36_000) % 36_000);
        return new DynamicObstacleReport(reporter, detected, position, 5, obstacle.Kind, confidence, (int)Math.Round(obstacle.Speed * 100), bearing);
    }
}
