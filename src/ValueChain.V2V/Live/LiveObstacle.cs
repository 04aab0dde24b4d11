namespace ValueChain.V2V;

/// <summary>An obstacle a vehicle received over the live feed and verified against the ledger (<see cref="ReportStatus.Valid"/>).</summary>
/// <param name="ObstacleId">The obstacle, as the ledger anchored the report under it.</param>
/// <param name="Event">Whether the report mapped the obstacle or confirmed it.</param>
/// <param name="Report">The verified report.</param>
/// <param name="Anchor">Its anchor on the ledger.</param>
/// <param name="Tile">The tile it was published in.</param>
/// <param name="ReceivedTimestamp">When it arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for latency figures.</param>
/// <param name="VerificationTime">How long its verification took.</param>
/// <param name="SubscribedTimestamp">
/// When the vehicle subscribed to the tile it came in (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>): for an
/// obstacle published before, the moment the vehicle asked for it.
/// </param>
public sealed record LiveObstacle(long ObstacleId, ObstacleFeedEvent Event, ObstacleReport Report, ReportAnchor Anchor, GridCell Tile, long ReceivedTimestamp, TimeSpan VerificationTime, long SubscribedTimestamp);
