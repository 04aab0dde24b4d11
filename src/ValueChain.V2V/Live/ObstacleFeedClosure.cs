using ValueChain.V2V.Interop;

namespace ValueChain.V2V;

/// <summary>
/// An obstacle that left the map, as a vehicle learned it over the live feed (its retained topic cleared) and checked
/// against the ledger: expired (a DENM cancellation) or negated by another vehicle (a DENM negation).
/// </summary>
/// <param name="ObstacleId">The obstacle.</param>
/// <param name="Termination">How a DENM would end it: <see cref="DenmTermination.IsCancellation"/> for an expiry, <see cref="DenmTermination.IsNegation"/> for a negation.</param>
/// <param name="Obstacle">The obstacle as the ledger holds it now (status expired or negated).</param>
/// <param name="Tile">The tile whose topic was cleared.</param>
public sealed record ObstacleFeedClosure(long ObstacleId, DenmTermination Termination, Obstacle Obstacle, GridCell Tile);
