namespace ValueChain.V2V;

/// <summary>A report that matched an existing obstacle, as the <see cref="V2VEvents.ObstacleConfirmed"/> event carries it.</summary>
/// <param name="ObstacleId">The obstacle.</param>
/// <param name="Digest">The matching report's digest.</param>
/// <param name="Reporter">The matching report's trip address.</param>
/// <param name="FirstReporter">The obstacle's first reporter.</param>
/// <param name="Counted">Whether it counted as a confirmation (another certified pseudonym valid then, once per obstacle).</param>
public sealed record ObstacleConfirmation(long ObstacleId, Hash32 Digest, Address Reporter, Address FirstReporter, bool Counted);
