namespace ValueChain.Ledger;

/// <summary>What the ledger recorded for a committed transaction.</summary>
/// <param name="TransactionId">The transaction's id.</param>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="Status">Succeeded, or failed with <paramref name="ErrorCode"/>.</param>
/// <param name="Events">The events it emitted (none when it failed).</param>
/// <param name="ResultJson">The chaincode's return value as JSON, or null.</param>
/// <param name="ErrorCode">The stable error code of a failed transaction.</param>
/// <param name="ErrorMessage">The error message of a failed transaction.</param>
public sealed record TransactionReceipt(
    TxId TransactionId,
    long BlockNumber,
    TransactionStatus Status,
    IReadOnlyList<LedgerEvent> Events,
    string? ResultJson,
    string? ErrorCode = null,
    string? ErrorMessage = null)
{
    /// <summary>True when the transaction succeeded.</summary>
    public bool Succeeded => Status == TransactionStatus.Succeeded;

    /// <summary>Returns this receipt when it succeeded; otherwise throws the failure as a typed error.</summary>
    /// <exception cref="ChaincodeException">The transaction failed; the exception carries its code.</exception>
    public TransactionReceipt EnsureSucceeded() => Succeeded
        ? this
        : throw new ChaincodeException(ErrorCode ?? ErrorCodes.ChaincodeFailed, ErrorMessage ?? $"Transaction {TransactionId} failed.");
}
