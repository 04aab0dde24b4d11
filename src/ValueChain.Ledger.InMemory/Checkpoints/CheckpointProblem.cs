namespace ValueChain.Ledger.InMemory;

/// <summary>A checkpoint that the open found unusable and ignored.</summary>
/// <param name="Path">The checkpoint file.</param>
/// <param name="BlockNumber">The block it claims to be bound to, when that could be read.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record CheckpointProblem(string Path, long? BlockNumber, string Problem);
