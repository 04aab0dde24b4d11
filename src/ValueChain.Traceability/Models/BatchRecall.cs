namespace ValueChain.Traceability;

/// <summary>The payload of a batch recall: the batch and the parts it marked recalled.</summary>
/// <param name="BatchNumber">The batch.</param>
/// <param name="PartIds">The parts recalled.</param>
public sealed record BatchRecall(string BatchNumber, IReadOnlyList<string> PartIds);
