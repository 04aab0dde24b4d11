namespace ValueChain.V2V;

/// <summary>
/// What one vehicle detected, as it reports it: a static obstacle (<see cref="StaticObstacleReport"/>) or a moving one
/// (<see cref="DynamicObstacleReport"/>). Its canonical bytes (<see cref="ReportCodec"/>) are stored in the content store
/// as one raw block and anchored on the ledger; every field is an integer, so every ledger reads it the same.
/// </summary>
/// <param name="Reporter">The per-trip address that reports it (and signs the report).</param>
/// <param name="DetectedAt">When the vehicle's sensors detected it (the vehicle's clock, whole milliseconds).</param>
/// <param name="Position">Where, in microdegrees.</param>
/// <param name="AccuracyMetres">The positional accuracy in metres, 1 to 1000.</param>
/// <param name="Kind">What was detected.</param>
/// <param name="ConfidencePercent">The detection's confidence, 0 to 100.</param>
public abstract record ObstacleReport(Address Reporter, DateTimeOffset DetectedAt, GeoPoint Position, int AccuracyMetres, ObstacleKind Kind, int ConfidencePercent)
{
    /// <summary>True for a moving obstacle, whose later position the matching predicts.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>The detection time in milliseconds since the Unix epoch, the unit of the canonical report.</summary>
    public long DetectedAtMilliseconds => DetectedAt.ToUnixTimeMilliseconds();
}
