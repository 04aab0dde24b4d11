namespace ValueChain.Ledger.InMemory;

/// <summary>How a persisted embedded ledger was opened: from which checkpoint, what it replayed, and which checkpoints it rejected.</summary>
/// <param name="CheckpointBlock">The block of the checkpoint the state was loaded from, or null for a full replay from genesis.</param>
/// <param name="ReplayedBlocks">How many blocks were replayed after it (all of them without a checkpoint).</param>
/// <param name="VerifiedOnOpen">Whether the replayed blocks were verified (<see cref="InMemoryLedgerOptions.VerifyOnOpen"/>).</param>
/// <param name="RejectedCheckpoints">The checkpoints found damaged or not matching the blocks, newest first; none were used.</param>
/// <param name="Duration">How long the open took.</param>
public sealed record LedgerOpenReport(long? CheckpointBlock, long ReplayedBlocks, bool VerifiedOnOpen, IReadOnlyList<CheckpointProblem> RejectedCheckpoints, TimeSpan Duration);
