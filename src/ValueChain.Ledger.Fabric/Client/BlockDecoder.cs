using Google.Protobuf;
using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric.Client;

/// <summary>Reads a block's endorser transactions, their validation flags and their chaincode events.</summary>
internal static class BlockDecoder
{
    public static FabricBlock Decode(Common.Block block)
    {
        ByteString flags = block.Metadata.Metadata.Count > (int)Common.BlockMetadataIndex.TransactionsFilter
            ? block.Metadata.Metadata[(int)Common.BlockMetadataIndex.TransactionsFilter]
            : ByteString.Empty;
        var transactions = new List<FabricBlockTransaction>();
        for (int i = 0; i < block.Data.Data.Count; i++)
        {
            Common.Payload payload = Common.Payload.Parser.ParseFrom(Common.Envelope.Parser.ParseFrom(block.Data.Data[i]).Payload);
            Common.ChannelHeader header = Common.ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
            if (header.Type != (int)Common.HeaderType.EndorserTransaction)
            {
                continue;
            }

            bool valid = i < flags.Length && flags[i] == (byte)Protos.TxValidationCode.Valid;
            (string chaincode, IReadOnlyList<FabricChaincodeEvent> events) = ChaincodeActionOf(payload);
            transactions.Add(new FabricBlockTransaction(TxId.Parse(header.TxId), chaincode, header.Timestamp.ToDateTimeOffset(), valid, valid ? events : []));
        }

        return new FabricBlock((long)block.Header.Number, transactions);
    }

    /// <summary>The events in a proposal response payload (the endorsed result of a transaction).</summary>
    public static IReadOnlyList<FabricChaincodeEvent> EventsOf(Protos.ChaincodeAction action) =>
        action.Events.IsEmpty ? [] : Unpack(Protos.ChaincodeEvent.Parser.ParseFrom(action.Events));

    private static (string Chaincode, IReadOnlyList<FabricChaincodeEvent> Events) ChaincodeActionOf(Common.Payload payload)
    {
        Protos.Transaction transaction = Protos.Transaction.Parser.ParseFrom(payload.Data);
        if (transaction.Actions.Count == 0)
        {
            return ("", []);
        }

        Protos.ChaincodeActionPayload actionPayload = Protos.ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload);
        Protos.ProposalResponsePayload response = Protos.ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload);
        Protos.ChaincodeAction action = Protos.ChaincodeAction.Parser.ParseFrom(response.Extension);
        return (action.ChaincodeId?.Name ?? "", EventsOf(action));
    }

    private static List<FabricChaincodeEvent> Unpack(Protos.ChaincodeEvent chaincodeEvent) =>
        chaincodeEvent.EventName == PackedEvents.EventName
            ? PackedEvents.Unpack(chaincodeEvent.Payload.Span).Select(e => new FabricChaincodeEvent(e.Name, e.PayloadJson)).ToList()
            : [new FabricChaincodeEvent(chaincodeEvent.EventName, chaincodeEvent.Payload.ToStringUtf8())];
}
