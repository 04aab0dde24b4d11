using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>Builds the signed seek request that opens a Deliver stream (blocks from a number, up to a number or for ever).</summary>
internal static class SeekEnvelopeBuilder
{
    /// <summary>Blocks [<paramref name="from"/>, <paramref name="to"/>]; a null <paramref name="from"/> starts at the newest block, a null <paramref name="to"/> means every later block as it commits.</summary>
    /// <remarks>
    /// <c>tlsCertificateHash</c> is the SHA-256 of the client's TLS certificate under mutual TLS, null otherwise: a
    /// peer that requires client certificates refuses a seek request not bound to the connection's certificate.
    /// </remarks>
    public static Common.Envelope Build(FabricIdentity identity, IFabricSigner signer, string channel, ulong? from, ulong? to, DateTimeOffset timestamp, byte[]? tlsCertificateHash = null) =>
        Build(identity, signer, channel, from, to, RandomNumberGenerator.GetBytes(ProposalBuilder.NonceLength), timestamp, tlsCertificateHash);

    /// <summary>As above with a given nonce (for golden files).</summary>
    public static Common.Envelope Build(FabricIdentity identity, IFabricSigner signer, string channel, ulong? from, ulong? to, ReadOnlySpan<byte> nonce, DateTimeOffset timestamp, byte[]? tlsCertificateHash = null)
    {
        var seek = new Orderer.SeekInfo
        {
            Start = from is { } number ? new Orderer.SeekPosition { Specified = new Orderer.SeekSpecified { Number = number } } : new Orderer.SeekPosition { Newest = new Orderer.SeekNewest() },
            Stop = new Orderer.SeekPosition { Specified = new Orderer.SeekSpecified { Number = to ?? ulong.MaxValue } },
            Behavior = Orderer.SeekInfo.Types.SeekBehavior.BlockUntilReady,
        };
        var header = new Common.Header
        {
            ChannelHeader = new Common.ChannelHeader
            {
                Type = (int)Common.HeaderType.DeliverSeekInfo,
                ChannelId = channel,
                Timestamp = Timestamp.FromDateTimeOffset(timestamp),
                TlsCertHash = tlsCertificateHash is null ? ByteString.Empty : ByteString.CopyFrom(tlsCertificateHash),
            }.ToByteString(),
            SignatureHeader = new Common.SignatureHeader { Creator = identity.SerializedByteString, Nonce = ByteString.CopyFrom(nonce) }.ToByteString(),
        };
        byte[] payload = new Common.Payload { Header = header, Data = seek.ToByteString() }.ToByteArray();
        return new Common.Envelope { Payload = ByteString.CopyFrom(payload), Signature = ByteString.CopyFrom(signer.Sign(payload)) };
    }
}
