namespace ValueChain;

/// <summary>
/// Thrown by a chaincode to fail an invocation with a stable code (for example
/// <see cref="ErrorCodes.Unauthorized"/>). The ledger rolls back every write of the invocation and
/// records the transaction as failed with this code. Callers see it again from the client.
/// </summary>
public class ChaincodeException : ValueChainException
{
    /// <summary>Creates a chaincode failure.</summary>
    /// <param name="code">The stable code; applications may define their own.</param>
    /// <param name="message">Why the invocation failed.</param>
    public ChaincodeException(string code, string message)
        : base(code, message)
    {
    }
}
