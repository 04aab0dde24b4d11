namespace ValueChain.Ledger.InMemory;

/// <summary>One committed version of a key.</summary>
internal sealed record HistoryEntry(long BlockNumber, TxId TransactionId, DateTimeOffset Timestamp, byte[]? Value);
