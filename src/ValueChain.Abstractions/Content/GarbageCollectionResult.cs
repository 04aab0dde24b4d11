namespace ValueChain.Content;

/// <summary>What a garbage collection removed.</summary>
/// <param name="BlocksRemoved">The number of blocks deleted (none of them reachable from a pin).</param>
/// <param name="BytesFreed">The sum of the deleted blocks' sizes, in bytes.</param>
public sealed record GarbageCollectionResult(long BlocksRemoved, long BytesFreed);
