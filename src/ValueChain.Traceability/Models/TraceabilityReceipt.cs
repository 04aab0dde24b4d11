namespace ValueChain.Traceability;

/// <summary>What a PartChain command returns: where it was recorded, its events, and a handover rejection when the command recorded one instead of moving custody.</summary>
/// <param name="TransactionId">The transaction.</param>
/// <param name="BlockNumber">Its block.</param>
/// <param name="Events">The events it emitted.</param>
/// <param name="Rejection">The recorded rejection, or null.</param>
public sealed record TraceabilityReceipt(TxId TransactionId, long BlockNumber, IReadOnlyList<Ledger.LedgerEvent> Events, HandoverRejection? Rejection)
{
    /// <summary>True when custody moved (no rejection).</summary>
    public bool Accepted => Rejection is null;
}
