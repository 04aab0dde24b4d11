namespace ValueChain.V2V;

/// <summary>One run of the obstacle-sharing simulation (<see cref="V2VSimulation"/>).</summary>
/// <param name="Vehicles">How many vehicles drive.</param>
/// <param name="Seed">The seed of the world (routes, obstacles, speeds) and of every random choice.</param>
public sealed record V2VSimulationScenario(int Vehicles, int Seed = 1)
{
    /// <summary>How long the vehicles drive, in simulated seconds (default 60).</summary>
    public int DurationSeconds { get; init; } = 60;

    /// <summary>How far a vehicle's sensors see, in metres (default 60).</summary>
    public int SensorRangeMetres { get; init; } = 60;

    /// <summary>After how many simulated seconds a vehicle that still sees an obstacle reports it again (default 10).</summary>
    public int ReportIntervalSeconds { get; init; } = 10;

    /// <summary>How many reports a roadside relay anchors in one batch; 1 (the default) anchors each report in its own transaction, signed by its vehicle.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// How many simulated seconds pass per second of wall time. 1 (the default) drives in real time: each vehicle submits
    /// each report at its own detection time, independently of the others, so the load grows with the fleet and every
    /// latency is one report's own, under that load. Above 1 the world runs faster (tests). 0 submits each simulated
    /// second's reports all at once and waits for them before the next second: a capacity run, whose latencies include
    /// the queueing behind that burst.
    /// </summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>
    /// With batches (<see cref="BatchSize"/> above 1) in real time, how long the roadside relay waits, from the first report
    /// of a batch, for more before it anchors a batch that is not full (default 100 ms of simulated time).
    /// </summary>
    public int BatchLingerMilliseconds { get; init; } = 100;

    /// <summary>How many of the vehicles subscribe to the live feed and verify what they receive (default 50; the others only report).</summary>
    public int Listeners { get; init; } = 50;

    /// <summary>
    /// True for the spec's check: each vehicle stands still near its own obstacle, far from the others, and reports it
    /// every <see cref="ReportIntervalSeconds"/>; exactly one obstacle per vehicle must be mapped.
    /// </summary>
    public bool StuckNearObstacles { get; init; }

    /// <summary>The spec's check with <paramref name="vehicles"/> (six in the spec) vehicles stuck near as many obstacles.</summary>
    public static V2VSimulationScenario Stuck(int vehicles = 6, int seed = 1) => new(vehicles, seed) { StuckNearObstacles = true };

    /// <summary>Checks the scenario, naming the setting that is wrong.</summary>
    /// <exception cref="ConfigurationException">A setting is out of range.</exception>
    public void Validate()
    {
        string? problem = this switch
        {
            { Vehicles: < 1 or > 100_000 } => $"Vehicles must be 1 to 100 000, not {Vehicles}",
            { DurationSeconds: < 1 or > 3_600 } => $"DurationSeconds must be 1 to 3600, not {DurationSeconds}",
            { SensorRangeMetres: < 5 or > 500 } => $"SensorRangeMetres must be 5 to 500, not {SensorRangeMetres}",
            { ReportIntervalSeconds: < 1 } => $"ReportIntervalSeconds must be at least 1, not {ReportIntervalSeconds}",
            { BatchSize: < 1 or > 4096 } => $"BatchSize must be 1 to 4096, not {BatchSize}",
            { Listeners: < 0 } => $"Listeners must not be negative, not {Listeners}",
            { TimeScale: < 0 or > 1_000 } or { TimeScale: double.NaN } => $"TimeScale must be 0 (as fast as the ledger takes them) or up to 1000, not {TimeScale}",
            { BatchLingerMilliseconds: < 1 or > 10_000 } => $"BatchLingerMilliseconds must be 1 to 10 000, not {BatchLingerMilliseconds}",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ConfigurationException($"V2VSimulationScenario.{problem}.");
        }
    }
}
