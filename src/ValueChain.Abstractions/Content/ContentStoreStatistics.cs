namespace ValueChain.Content;

/// <summary>How much a content store holds.</summary>
/// <param name="BlockCount">The number of blocks stored.</param>
/// <param name="TotalBytes">The sum of the stored blocks' sizes, in bytes.</param>
/// <param name="PinCount">The number of pinned roots.</param>
public sealed record ContentStoreStatistics(long BlockCount, long TotalBytes, int PinCount);
