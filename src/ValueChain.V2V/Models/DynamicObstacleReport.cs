namespace ValueChain.V2V;

/// <summary>A report of a moving obstacle (an animal, a pedestrian, a slow vehicle) with its velocity and bearing.</summary>
/// <param name="Reporter">The per-trip address that reports it.</param>
/// <param name="DetectedAt">When it was detected (whole milliseconds).</param>
/// <param name="Position">Where, in microdegrees.</param>
/// <param name="AccuracyMetres">The positional accuracy in metres, 1 to 1000.</param>
/// <param name="Kind">What was detected.</param>
/// <param name="ConfidencePercent">The detection's confidence, 0 to 100.</param>
/// <param name="VelocityCentimetresPerSecond">Its speed over ground in cm/s, 0 to 10 000 (100 m/s).</param>
/// <param name="BearingCentidegrees">The direction it moves in, 0.01 degree clockwise from true north, 0 to 35 999.</param>
public sealed record DynamicObstacleReport(
    Address Reporter,
    DateTimeOffset DetectedAt,
    GeoPoint Position,
    int AccuracyMetres,
    ObstacleKind Kind,
    int ConfidencePercent,
    int VelocityCentimetresPerSecond,
    int BearingCentidegrees)
    : ObstacleReport(Reporter, DetectedAt, Position, AccuracyMetres, Kind, ConfidencePercent)
{
    /// <inheritdoc />
    public override bool IsDynamic => true;
}
