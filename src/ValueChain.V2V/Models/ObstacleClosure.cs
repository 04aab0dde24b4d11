namespace ValueChain.V2V;

/// <summary>An obstacle leaving the map, as the <see cref="V2VEvents.ObstacleExpired"/> and <see cref="V2VEvents.ObstacleNegated"/> events carry it.</summary>
/// <param name="ObstacleId">The obstacle.</param>
/// <param name="FirstReporter">Its first reporter, whose score an unconfirmed closure lowers.</param>
/// <param name="Confirmations">Its confirmations when it closed (0: unconfirmed).</param>
/// <param name="By">The pseudonym that negated it; the zero address for an expiry.</param>
public sealed record ObstacleClosure(long ObstacleId, Address FirstReporter, int Confirmations, Address By);
