namespace ValueChain.Diagnostics;

/// <summary>What a submitted transaction came to, as <see cref="LedgerInstruments"/> records it.</summary>
/// <param name="TransactionId">The transaction's id (on Ethereum its hash).</param>
/// <param name="BlockNumber">The block that holds it, or -1 when it is in none.</param>
/// <param name="ErrorCode">The stable code of a failed transaction; null when it succeeded.</param>
public readonly record struct TransactionOutcome(TxId TransactionId, long BlockNumber, string? ErrorCode = null)
{
    /// <summary>True when the transaction succeeded.</summary>
    public bool Succeeded => ErrorCode is null;
}
