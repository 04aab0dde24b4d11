namespace ValueChain.Ledger.Fabric;

/// <summary>The orderer refused a transaction envelope (or could not be reached); the transaction is not on the ledger.</summary>
public sealed class FabricOrdererException : FabricException
{
    /// <summary>The code of ordering failures.</summary>
    public const string ErrorCode = "fabric_ordering_failed";

    /// <summary>Creates the error.</summary>
    public FabricOrdererException(string transactionId, string orderer, int status, string statusMessage, Exception? innerException = null)
        : base(ErrorCode, orderer, status, statusMessage, $"Orderer {orderer} refused transaction {transactionId} (status {status}): {statusMessage}", innerException) =>
        TransactionId = transactionId;

    /// <summary>The transaction that was sent.</summary>
    public string TransactionId { get; }
}
