using Google.Protobuf;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Builds the discovery service's signed requests as Fabric's discovery client does: the client's serialized
/// identity and, under mutual TLS, the SHA-256 of the TLS client certificate the connection presents (the peer
/// checks that it is the one it sees), then the queries, signed by the client's key.
/// </summary>
internal static class DiscoveryRequests
{
    /// <summary>The three queries the client asks together: configuration (TLS roots), membership, the chaincode's endorsers.</summary>
    public static IReadOnlyList<Discovery.Query> Queries(string channel, string chaincode) =>
    [
        new Discovery.Query { Channel = channel, ConfigQuery = new Discovery.ConfigQuery() },
        new Discovery.Query { Channel = channel, PeerQuery = new Discovery.PeerMembershipQuery() },
        new Discovery.Query
        {
            Channel = channel,
            CcQuery = new Discovery.ChaincodeQuery { Interests = { new Discovery.ChaincodeInterest { Chaincodes = { new Discovery.ChaincodeCall { Name = chaincode } } } } },
        },
    ];

    /// <summary>The signed request carrying <paramref name="queries"/>.</summary>
    public static Discovery.SignedRequest Build(FabricIdentity identity, IFabricSigner signer, ReadOnlySpan<byte> tlsCertificateHash, IEnumerable<Discovery.Query> queries)
    {
        var request = new Discovery.Request
        {
            Authentication = new Discovery.AuthInfo { ClientIdentity = identity.SerializedByteString, ClientTlsCertHash = ByteString.CopyFrom(tlsCertificateHash) },
        };
        request.Queries.AddRange(queries);
        byte[] payload = request.ToByteArray();
        return new Discovery.SignedRequest { Payload = ByteString.CopyFrom(payload), Signature = ByteString.CopyFrom(signer.Sign(payload)) };
    }
}
