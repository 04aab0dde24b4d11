namespace ValueChain.Ledger.InMemory;

/// <summary>A block whose record is durable at <paramref name="Offset"/> of the block file, not yet in the on-disk index.</summary>
internal sealed record PendingBlock(LedgerBlock Block, long Offset, int Length);
