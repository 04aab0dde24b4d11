namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Where committed blocks live and how they are found: in memory (tests and demos) or in the block
/// file with an on-disk index (persisted ledgers). One writer appends whole blocks; readers never
/// see part of one, and never see a block before <see cref="Count"/> includes it.
/// </summary>
internal interface IBlockHistory : IDisposable
{
    /// <summary>How many blocks are published.</summary>
    long Count { get; }

    /// <summary>The published block <paramref name="number"/>.</summary>
    /// <exception cref="LedgerCorruptedException">Its stored record no longer reads.</exception>
    LedgerBlock Get(long number);

    /// <summary>The published blocks from <paramref name="from"/> up to (not including) <paramref name="to"/>, in order.</summary>
    /// <exception cref="LedgerCorruptedException">A stored record no longer reads.</exception>
    IEnumerable<LedgerBlock> Read(long from, long to);

    /// <summary>Where a committed transaction is, or null.</summary>
    (long Block, int Index)? Locate(TxId id);

    /// <summary>The committed versions of a stored key up to block <paramref name="lastBlock"/>, oldest first.</summary>
    IReadOnlyList<HistoryEntry> History(string storedKey, long lastBlock);

    /// <summary>A chaincode's events in blocks <paramref name="from"/> to <paramref name="to"/> (inclusive), in ledger order.</summary>
    IReadOnlyList<LedgerEvent> Events(string chaincode, long from, long to);

    /// <summary>Stores and indexes a block; it is durable when this returns, and visible after.</summary>
    void Append(LedgerBlock block);
}
