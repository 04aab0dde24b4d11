namespace ValueChain.V2V;

/// <summary>
/// What one simulation run measured. Store latency is a report's put into the content store plus its anchoring until
/// committed (for a batch, until the batch commits); retrieve latency runs from that commit until a subscribed vehicle
/// received the report over the live feed; verify latency is that vehicle's check against the ledger.
/// </summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Ledger">Which ledger it ran on.</param>
/// <param name="Feed">How the live feed travelled (MQTT broker or in process).</param>
/// <param name="PlacedObstacles">How many obstacles the world held.</param>
/// <param name="DetectedObstacles">How many of them some vehicle detected.</param>
/// <param name="MappedObstacles">How many obstacles the ledger mapped.</param>
/// <param name="Duplicates">Ledger obstacles beyond one per detected obstacle (must be 0).</param>
/// <param name="Merged">Ledger obstacles that hold reports of more than one placed obstacle (must be 0).</param>
/// <param name="Reports">How many reports were anchored.</param>
/// <param name="Transactions">How many anchoring transactions committed.</param>
/// <param name="Blocks">How many blocks those transactions spanned (first to last).</param>
/// <param name="Elapsed">The wall time of the reporting.</param>
/// <param name="Delivered">How many feed messages listeners verified and used.</param>
/// <param name="Refused">How many feed messages listeners dropped (must be 0: nobody forges here).</param>
/// <param name="Store">Store latencies.</param>
/// <param name="Verify">Verify latencies.</param>
/// <param name="Retrieve">Retrieve latencies.</param>
/// <param name="Map">The map picture's data.</param>
public sealed record V2VSimulationResult(
    V2VSimulationScenario Scenario,
    string Ledger,
    string Feed,
    int PlacedObstacles,
    int DetectedObstacles,
    int MappedObstacles,
    int Duplicates,
    int Merged,
    int Reports,
    int Transactions,
    long Blocks,
    TimeSpan Elapsed,
    long Delivered,
    long Refused,
    LatencyPercentiles Store,
    LatencyPercentiles Verify,
    LatencyPercentiles Retrieve,
    V2VSimulationMap Map)
{
    /// <summary>The spec's store limit: 500 ms.</summary>
    public static TimeSpan StoreLimit { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The spec's verify and retrieve limit: 1 s.</summary>
    public static TimeSpan VerifyRetrieveLimit { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Anchoring transactions per second of wall time.</summary>
    public double TransactionsPerSecond => Elapsed > TimeSpan.Zero ? Transactions / Elapsed.TotalSeconds : 0;

    /// <summary>Reports anchored per second of wall time.</summary>
    public double ReportsPerSecond => Elapsed > TimeSpan.Zero ? Reports / Elapsed.TotalSeconds : 0;

    /// <summary>Anchoring transactions per block.</summary>
    public double TransactionsPerBlock => Blocks > 0 ? (double)Transactions / Blocks : 0;

    /// <summary>The mean wall time between blocks.</summary>
    public TimeSpan BlockTime => Blocks > 0 ? Elapsed / Blocks : TimeSpan.Zero;

    /// <summary>Whether the store p99 is within <see cref="StoreLimit"/>.</summary>
    public bool StoreWithinLimit => Store.P99 <= StoreLimit.TotalMilliseconds;

    /// <summary>Whether the p99 of verify plus retrieve is within <see cref="VerifyRetrieveLimit"/>.</summary>
    public bool VerifyRetrieveWithinLimit => Verify.P99 + Retrieve.P99 <= VerifyRetrieveLimit.TotalMilliseconds;
}
