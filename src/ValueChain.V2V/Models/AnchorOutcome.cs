namespace ValueChain.V2V;

/// <summary>What the ledger's matching decided for one anchored report.</summary>
/// <param name="Digest">The report's digest.</param>
/// <param name="ObstacleId">The obstacle it mapped or matched.</param>
/// <param name="Mapped">True when it made a new obstacle; false when it matched an existing one.</param>
/// <param name="Confirmed">True when the match counted as a confirmation (another certified pseudonym, once per obstacle).</param>
/// <param name="Sequence">Its ledger sequence.</param>
public sealed record AnchorOutcome(Hash32 Digest, long ObstacleId, bool Mapped, bool Confirmed, long Sequence);
