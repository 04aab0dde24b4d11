namespace ValueChain.Ledger;

/// <summary>The driver-independent part of a block header.</summary>
/// <param name="Number">The block number; the genesis block is 0.</param>
/// <param name="Hash">The block's hash.</param>
/// <param name="PreviousHash">The hash of block <c>Number − 1</c> (zero for the genesis block).</param>
/// <param name="Timestamp">The ledger time of the block.</param>
/// <param name="TransactionCount">How many transactions the block holds.</param>
public sealed record BlockHeader(long Number, Hash32 Hash, Hash32 PreviousHash, DateTimeOffset Timestamp, int TransactionCount);
