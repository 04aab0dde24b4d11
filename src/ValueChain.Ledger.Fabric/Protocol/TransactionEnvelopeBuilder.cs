using Google.Protobuf;

namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>
/// Turns a proposal and its endorsements into the signed envelope the orderer takes, as Fabric's
/// protoutil.CreateSignedTx does: every response must have succeeded and carry the same payload;
/// each endorser counts once; the transient map never reaches the ledger.
/// </summary>
internal static class TransactionEnvelopeBuilder
{
    /// <exception cref="FabricEndorsementException">A response failed, or the responses disagree, or none is endorsed.</exception>
    public static Common.Envelope Build(ChaincodeProposal proposal, IReadOnlyList<EndorsementResult> responses, IFabricSigner signer)
    {
        if (responses.Count == 0)
        {
            throw new FabricEndorsementException(proposal.TransactionId, "(none)", 0, "no endorsement responses");
        }

        foreach (EndorsementResult result in responses)
        {
            int status = result.Response.Response.Status;
            if (status is < 200 or >= 400)
            {
                throw new FabricEndorsementException(proposal.TransactionId, result.Peer, status, result.Response.Response.Message);
            }

            if (!result.Response.Payload.Equals(responses[0].Response.Payload))
            {
                throw new FabricEndorsementException(proposal.TransactionId, result.Peer, status,
                    $"the endorsement of {result.Peer} does not agree with that of {responses[0].Peer}: the peers computed different results");
            }
        }

        var seen = new HashSet<ByteString>();
        var action = new Protos.ChaincodeEndorsedAction { ProposalResponsePayload = responses[0].Response.Payload };
        action.Endorsements.AddRange(responses
            .Select(r => r.Response.Endorsement)
            .Where(e => e is not null && seen.Add(e.Endorser)));
        if (action.Endorsements.Count == 0)
        {
            throw new FabricEndorsementException(proposal.TransactionId, responses[0].Peer, responses[0].Response.Response.Status, "the responses carry no endorsement");
        }

        Protos.ChaincodeProposalPayload proposalPayload = Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Proposal.Payload);
        var actionPayload = new Protos.ChaincodeActionPayload
        {
            ChaincodeProposalPayload = ProposalBuilder.PayloadForTransaction(proposalPayload),
            Action = action,
        };
        var transaction = new Protos.Transaction();
        transaction.Actions.Add(new Protos.TransactionAction { Header = proposal.Header.SignatureHeader, Payload = actionPayload.ToByteString() });

        var payload = new Common.Payload { Header = proposal.Header, Data = transaction.ToByteString() };
        byte[] payloadBytes = payload.ToByteArray();
        return new Common.Envelope { Payload = ByteString.CopyFrom(payloadBytes), Signature = ByteString.CopyFrom(signer.Sign(payloadBytes)) };
    }
}
