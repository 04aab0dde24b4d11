namespace ValueChain.Ledger.InMemory;

/// <summary>The block being built: its state, its transactions and receipts, and the nonces they used.</summary>
internal sealed class BlockDraft(long number, Hash32 previousHash, DateTimeOffset timestamp, StateSnapshot committed)
{
    public long Number { get; } = number;

    public Hash32 PreviousHash { get; } = previousHash;

    public DateTimeOffset Timestamp { get; } = timestamp;

    public StateBuilder State { get; } = new(committed);

    public List<SignedTransaction> Transactions { get; } = [];

    public List<ReceiptRecord> Receipts { get; } = [];

    public List<PendingTransaction> Pending { get; } = [];

    /// <summary>Next nonces of the senders in this block, over the committed ones.</summary>
    public Dictionary<Address, ulong> Nonces { get; } = [];
}
