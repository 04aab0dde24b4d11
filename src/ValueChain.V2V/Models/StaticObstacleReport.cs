namespace ValueChain.V2V;

/// <summary>A report of an obstacle that does not move (debris, a stopped vehicle, roadworks …).</summary>
/// <param name="Reporter">The per-trip address that reports it.</param>
/// <param name="DetectedAt">When it was detected (whole milliseconds).</param>
/// <param name="Position">Where, in microdegrees.</param>
/// <param name="AccuracyMetres">The positional accuracy in metres, 1 to 1000.</param>
/// <param name="Kind">What was detected.</param>
/// <param name="ConfidencePercent">The detection's confidence, 0 to 100.</param>
public sealed record StaticObstacleReport(Address Reporter, DateTimeOffset DetectedAt, GeoPoint Position, int AccuracyMetres, ObstacleKind Kind, int ConfidencePercent)
    : ObstacleReport(Reporter, DetectedAt, Position, AccuracyMetres, Kind, ConfidencePercent)
{
    /// <inheritdoc />
    public override bool IsDynamic => false;
}
