namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>A signed proposal with the parts the transaction envelope reuses.</summary>
/// <param name="TransactionId">Fabric's transaction id (64 hex digits).</param>
/// <param name="Channel">The channel.</param>
/// <param name="Chaincode">The invoked chaincode.</param>
/// <param name="Header">The proposal's header (channel and signature headers).</param>
/// <param name="Proposal">The proposal.</param>
/// <param name="Signed">The proposal with the creator's signature, as sent to the endorsers.</param>
internal sealed record ChaincodeProposal(string TransactionId, string Channel, string Chaincode, Common.Header Header, Protos.Proposal Proposal, Protos.SignedProposal Signed)
{
    /// <summary>The transaction id as a <see cref="TxId"/>.</summary>
    public TxId TxId => TxId.Parse(TransactionId);
}
