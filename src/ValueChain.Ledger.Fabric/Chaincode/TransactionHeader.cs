namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>
/// What the chaincode host takes from a transaction's signed proposal: the invoked chaincode, the caller, the ledger
/// time and the transient data (the proposal payload's transient map, which the peer passes on but never orders).
/// </summary>
/// <param name="Chaincode">The chaincode name the proposal invokes.</param>
/// <param name="Caller">The creator certificate's address (<see cref="CertificateAddress"/>).</param>
/// <param name="Timestamp">The proposal's timestamp.</param>
/// <param name="Transient">The proposal's transient map (empty when it has none).</param>
internal sealed record TransactionHeader(string Chaincode, Address Caller, DateTimeOffset Timestamp, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Transient)
{
    /// <exception cref="ChaincodeException">The message carries no readable proposal or creator.</exception>
    public static TransactionHeader Read(Protos.SignedProposal? signed, CreatorAddresses creators)
    {
        if (signed is null || signed.ProposalBytes.IsEmpty)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "The transaction message carries no signed proposal, so the caller is unknown.");
        }

        try
        {
            Protos.Proposal proposal = Protos.Proposal.Parser.ParseFrom(signed.ProposalBytes);
            Common.Header header = Common.Header.Parser.ParseFrom(proposal.Header);
            Common.ChannelHeader channel = Common.ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
            Common.SignatureHeader signature = Common.SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
            string chaincode = Protos.ChaincodeHeaderExtension.Parser.ParseFrom(channel.Extension).ChaincodeId?.Name ?? "";
            Protos.ChaincodeProposalPayload payload = Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
            Dictionary<string, ReadOnlyMemory<byte>> transient = payload.TransientMap.ToDictionary(e => e.Key, e => e.Value.Memory, StringComparer.Ordinal);
            return new TransactionHeader(chaincode, creators.Of(signature.Creator), channel.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch, transient);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The transaction's proposal cannot be read: {e.Message}");
        }
    }
}
