namespace ValueChain.V2V;

/// <summary>A report's inclusion proof in its batch: the batch root, the report's index and the audit path.</summary>
/// <param name="Root">The batch root anchored on the ledger.</param>
/// <param name="Index">The report's index in the batch.</param>
/// <param name="Path">The audit path, leaf to root (<see cref="ReportBatchTree.Path"/>).</param>
public sealed record BatchProof(Hash32 Root, int Index, IReadOnlyList<Hash32> Path);
