namespace ValueChain.Ledger.Fabric;

/// <summary>The chaincode refused an invocation during endorsement: its own code and message, and the proposal's transaction id. Nothing was ordered.</summary>
public sealed class FabricChaincodeException : ChaincodeException
{
    /// <summary>Creates the error.</summary>
    public FabricChaincodeException(string code, string message, string transactionId)
        : base(code, message) => TransactionId = transactionId;

    /// <summary>The proposal's transaction id.</summary>
    public string TransactionId { get; }

    // Another peer endorsed the same proposal: the peers simulated against different state (one had not committed the
    // previous block yet), so the refusal may not stand once they have caught up, and the client asks again.
    internal bool Disputed { get; init; }
}
