using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>
/// Builds signed chaincode proposals as Fabric's own client code does (protoutil): an endorser
/// transaction header with the chaincode in its extension, the creator and a fresh nonce in the
/// signature header, and the transaction id SHA-256(nonce ‖ creator) in hex.
/// </summary>
internal static class ProposalBuilder
{
    /// <summary>The length of the nonce Fabric's clients use.</summary>
    public const int NonceLength = 24;

    /// <summary>A proposal with a fresh random nonce.</summary>
    public static ChaincodeProposal Build(FabricIdentity identity, IFabricSigner signer, string channel, string chaincode, string function, string argumentsJson, DateTimeOffset timestamp, IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? transient = null) =>
        Build(identity, signer, channel, chaincode, [Encoding.UTF8.GetBytes(function), Encoding.UTF8.GetBytes(argumentsJson)], RandomNumberGenerator.GetBytes(NonceLength), timestamp, transient);

    /// <summary>
    /// A proposal with the given nonce (tests use fixed ones to compare bytes with golden files). The
    /// <paramref name="transient"/> entries go into the payload's transient map: signed and seen by the endorsers, but
    /// left out of the proposal hash they endorse and of the transaction (<see cref="TransactionEnvelopeBuilder"/>).
    /// </summary>
    public static ChaincodeProposal Build(FabricIdentity identity, IFabricSigner signer, string channel, string chaincode, IReadOnlyList<byte[]> args, ReadOnlySpan<byte> nonce, DateTimeOffset timestamp, IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? transient = null)
    {
        ByteString creator = identity.SerializedByteString;
        string transactionId = TransactionIdOf(nonce, creator.Span);
        var chaincodeId = new Protos.ChaincodeID { Name = chaincode };

        var input = new Protos.ChaincodeInput();
        input.Args.AddRange(args.Select(ByteString.CopyFrom));
        var invocation = new Protos.ChaincodeInvocationSpec { ChaincodeSpec = new Protos.ChaincodeSpec { ChaincodeId = chaincodeId, Input = input } };

        var channelHeader = new Common.ChannelHeader
        {
            Type = (int)Common.HeaderType.EndorserTransaction,
            ChannelId = channel,
            TxId = transactionId,
            Timestamp = Timestamp.FromDateTimeOffset(timestamp),
            Extension = new Protos.ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
        };
        var header = new Common.Header
        {
            ChannelHeader = channelHeader.ToByteString(),
            SignatureHeader = new Common.SignatureHeader { Creator = creator, Nonce = ByteString.CopyFrom(nonce) }.ToByteString(),
        };
        var payload = new Protos.ChaincodeProposalPayload { Input = invocation.ToByteString() };
        foreach ((string name, ReadOnlyMemory<byte> value) in transient ?? new Dictionary<string, ReadOnlyMemory<byte>>())
        {
            payload.TransientMap.Add(name, ByteString.CopyFrom(value.Span));
        }

        var proposal = new Protos.Proposal { Header = header.ToByteString(), Payload = payload.ToByteString() };

        byte[] proposalBytes = proposal.ToByteArray();
        var signed = new Protos.SignedProposal { ProposalBytes = ByteString.CopyFrom(proposalBytes), Signature = ByteString.CopyFrom(signer.Sign(proposalBytes)) };
        return new ChaincodeProposal(transactionId, channel, chaincode, header, proposal, signed);
    }

    /// <summary>
    /// The hash the endorsers sign in their responses and the committer checks against the transaction, as Fabric's
    /// endorser computes it: SHA-256 of the channel header, the signature header and the proposal payload without its
    /// transient map (protoutil.GetBytesProposalPayloadForTx).
    /// </summary>
    public static byte[] ProposalHash(Common.Header header, Protos.ChaincodeProposalPayload payload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header.ChannelHeader.Span);
        hash.AppendData(header.SignatureHeader.Span);
        hash.AppendData(PayloadForTransaction(payload).Span);
        return hash.GetHashAndReset();
    }

    /// <summary>The proposal payload as the transaction carries it: the input only, the transient map stripped (protoutil.GetBytesProposalPayloadForTx).</summary>
    public static ByteString PayloadForTransaction(Protos.ChaincodeProposalPayload payload) =>
        new Protos.ChaincodeProposalPayload { Input = payload.Input }.ToByteString();

    /// <summary>Fabric's transaction id rule: lower-case hex of SHA-256(nonce ‖ serialized creator).</summary>
    public static string TransactionIdOf(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(nonce);
        hash.AppendData(creator);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
