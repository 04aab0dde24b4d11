namespace ValueChain;

/// <summary>
/// The ledger refused a transaction before executing it (bad signature, replayed or skipped nonce,
/// unknown sender, unknown chaincode or function). Nothing was recorded and no state changed.
/// </summary>
public sealed class TransactionRejectedException : ValueChainException
{
    /// <summary>Creates a rejection.</summary>
    /// <param name="code">The stable code of the refusal, one of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">Why the transaction was refused.</param>
    public TransactionRejectedException(string code, string message)
        : base(code, message)
    {
    }
}
