namespace ValueChain.Ledger.InMemory;

/// <summary>A committed transaction with its receipt and the header of its block.</summary>
/// <param name="Transaction">The signed transaction.</param>
/// <param name="Receipt">What the ledger recorded for it.</param>
/// <param name="Block">The header of its block.</param>
/// <param name="Index">Its position in the block.</param>
public sealed record TransactionRecord(SignedTransaction Transaction, ReceiptRecord Receipt, EmbeddedBlockHeader Block, int Index);
