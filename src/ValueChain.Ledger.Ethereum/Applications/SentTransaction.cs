namespace ValueChain.Ledger.Ethereum;

/// <summary>A mined application transaction: its receipt and the application events its logs translate to.</summary>
/// <param name="Receipt">The transaction's receipt.</param>
/// <param name="Events">Its logs as the application's <see cref="LedgerEvent"/>s, in order.</param>
public sealed record SentTransaction(TransactionReceipt Receipt, IReadOnlyList<LedgerEvent> Events)
{
    /// <summary>The transaction id.</summary>
    public TxId TransactionId => new(Receipt.TransactionHash);

    /// <summary>The block number.</summary>
    public long BlockNumber => (long)Receipt.BlockNumber;
}
