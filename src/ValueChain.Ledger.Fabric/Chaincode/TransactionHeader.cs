namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>What the chaincode host takes from a transaction's signed proposal: the invoked chaincode, the caller and the ledger time.</summary>
/// <param name="Chaincode">The chaincode name the proposal invokes.</param>
/// <param name="Caller">The creator certificate's address (<see cref="CertificateAddress"/>).</param>
/// <param name="Timestamp">The proposal's timestamp.</param>
internal sealed record TransactionHeader(string Chaincode, Address Caller, DateTimeOffset Timestamp)
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
            return new TransactionHeader(chaincode, creators.Of(signature.Creator), channel.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The transaction's proposal cannot be read: {e.Message}");
        }
    }
}
