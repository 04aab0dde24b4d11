namespace ValueChain.Ledger.Fabric;

/// <summary>A peer did not endorse a proposal (or the peers disagree); nothing was ordered.</summary>
public sealed class FabricEndorsementException : FabricException
{
    /// <summary>The code of endorsement failures.</summary>
    public const string ErrorCode = "fabric_endorsement_failed";

    /// <summary>Creates the error.</summary>
    public FabricEndorsementException(string transactionId, string peer, int status, string statusMessage, Exception? innerException = null)
        : base(ErrorCode, peer, status, statusMessage, $"Peer {peer} did not endorse transaction {transactionId} (status {status}): {statusMessage}", innerException) =>
        TransactionId = transactionId;

    /// <summary>The transaction that was proposed.</summary>
    public string TransactionId { get; }
}
