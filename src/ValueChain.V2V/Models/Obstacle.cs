namespace ValueChain.V2V;

/// <summary>
/// An obstacle on the ledger's map: made by the first report that matched nothing, then confirmed by later reports
/// that match it. Its position, motion and reference time are the first report's.
/// </summary>
/// <param name="Id">Its id, 1, 2, 3 … in ledger order.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Position">The first report's position.</param>
/// <param name="IsDynamic">Whether it moves (the first report was dynamic).</param>
/// <param name="VelocityCentimetresPerSecond">Its speed (0 for a static obstacle).</param>
/// <param name="BearingCentidegrees">Its bearing in 0.01 degree (0 for a static obstacle).</param>
/// <param name="ReferenceDetectedAt">The first report's detection time, from which a dynamic obstacle's position is predicted.</param>
/// <param name="LastDetectedAt">The latest detection time of any report that matched it (the matching time window counts from here).</param>
/// <param name="FirstReporter">The trip address of the first report, whose reputation its confirmations raise.</param>
/// <param name="FirstReport">The first report's digest.</param>
/// <param name="Reports">How many reports matched it, the first included.</param>
/// <param name="Confirmations">How many of them counted as confirmations (from other certified pseudonyms, once each).</param>
/// <param name="MappedAt">The ledger time it was mapped.</param>
/// <param name="LastConfirmedAt">The ledger time of its last confirmation (its mapping time before one); expiry counts from here.</param>
/// <param name="Status">Active, expired or negated.</param>
public sealed record Obstacle(
    long Id,
    ObstacleKind Kind,
    GeoPoint Position,
    bool IsDynamic,
    int VelocityCentimetresPerSecond,
    int BearingCentidegrees,
    DateTimeOffset ReferenceDetectedAt,
    DateTimeOffset LastDetectedAt,
    Address FirstReporter,
    Hash32 FirstReport,
    int Reports,
    int Confirmations,
    DateTimeOffset MappedAt,
    DateTimeOffset LastConfirmedAt,
    ObstacleStatus Status);
