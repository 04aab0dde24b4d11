namespace ValueChain.Ledger.InMemory;

/// <summary>One checked record of the block file: which block, where it lies, and its payload.</summary>
internal sealed record BlockFileRecord(long Index, long Offset, int Length, byte[] Payload);
