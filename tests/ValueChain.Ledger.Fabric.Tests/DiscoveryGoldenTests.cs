using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric.Tests;

// Discovery answers recorded on the two-organisation network (Golden/discovery/README.md): decoded, and endorsed along.
public sealed class DiscoveryGoldenTests
{
    private const string Tx = "tx-1";
    private const string Org1Peer = "127.0.0.1:17051";
    private const string Org2Peer = "127.0.0.1:17061";

    [Fact]
    public void The_answer_for_an_AND_chaincode_has_both_organisations_their_TLS_roots_and_one_layout_needing_a_peer_of_each()
    {
        DiscoveryAnswer answer = Load("and.bin");

        Assert.Equal([("Org1MSP", Org1Peer), ("Org2MSP", Org2Peer)], answer.Members.Select(m => (m.MspId, m.Endpoint)));
        Assert.All(answer.Members, m => Assert.True(m.LedgerHeight > 0));
        Assert.All(answer.Members, m => Assert.Contains(answer.Endorsers.Chaincode, m.Chaincodes));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", answer.TlsRoots["Org2MSP"], StringComparison.Ordinal);
        IReadOnlyDictionary<string, int> layout = Assert.Single(answer.Endorsers.Layouts);
        Assert.Equal(2, layout.Count);
        Assert.All(layout.Values, quantity => Assert.Equal(1, quantity));
        Assert.Equal(["Org1MSP", "Org2MSP"], layout.Keys.Select(g => Assert.Single(answer.Endorsers.Groups[g]).MspId).Order());
    }

    [Fact]
    public void The_answer_for_an_OR_chaincode_has_two_layouts_of_one_peer()
    {
        DiscoveryAnswer answer = Load("or.bin");

        Assert.Equal(2, answer.Endorsers.Layouts.Count);
        Assert.All(answer.Endorsers.Layouts, l => Assert.Equal(1, Assert.Single(l).Value));
    }

    [Fact]
    public async Task The_AND_plan_asks_both_peers_at_once_and_carries_both_endorsements()
    {
        DiscoveryAnswer answer = Load("and.bin");
        var asked = new List<string>();

        IReadOnlyList<EndorsementResult> chosen = await new EndorsementPlan(answer.Endorsers, answer.Members)
            .ExecuteAsync(Tx, peer => { lock (asked) { asked.Add(peer.Endpoint); } return Task.FromResult(Endorsed(peer)); }, Answers());

        Assert.Equal([Org1Peer, Org2Peer], asked.Order());
        Assert.Equal(["Org1MSP", "Org2MSP"], chosen.Select(r => Msp.SerializedIdentity.Parser.ParseFrom(r.Response.Endorsement.Endorser).Mspid).Order());
    }

    [Fact]
    public async Task The_AND_plan_with_a_peer_down_is_a_typed_error_naming_it()
    {
        DiscoveryAnswer answer = Load("and.bin");

        FabricEndorsementPolicyException error = await Assert.ThrowsAsync<FabricEndorsementPolicyException>(() =>
            new EndorsementPlan(answer.Endorsers, answer.Members).ExecuteAsync(Tx, peer => Task.FromResult(peer.Endpoint == Org2Peer ? Down(peer) : Endorsed(peer)), Answers()));

        Assert.Equal(FabricEndorsementPolicyException.ErrorCode, error.Code);
        Assert.Equal([$"{Org1Peer} (Org1MSP)"], error.Endorsed);
        Assert.Contains("connection refused", error.NotEndorsed[$"{Org2Peer} (Org2MSP)"], StringComparison.Ordinal);
        Assert.Contains(Org2Peer, error.Message, StringComparison.Ordinal);
        Assert.Contains(answer.Endorsers.Chaincode, error.Policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OR_plan_tries_the_next_layout_when_the_peer_of_the_first_is_down()
    {
        DiscoveryAnswer answer = Load("or.bin");
        var plan = new EndorsementPlan(answer.Endorsers, answer.Members);
        string first = Assert.Single(plan.Groups[Assert.Single(answer.Endorsers.Layouts[0]).Key]).Endpoint;

        IReadOnlyList<EndorsementResult> chosen = await plan.ExecuteAsync(Tx, peer => Task.FromResult(peer.Endpoint == first ? Down(peer) : Endorsed(peer)), Answers());

        Assert.NotEqual(first, Assert.Single(chosen).Peer.Split(' ')[0]);
    }

    [Fact]
    public async Task A_peer_missing_from_the_membership_is_not_asked_and_the_error_says_why()
    {
        // The endorsers recorded with both peers up, and that answer's membership without Org2's entry (as a peer whose
        // alive messages expired is dropped from it).
        DiscoveryAnswer up = Load("and.bin");
        Discovery.PeerMembershipResult membership = Response("and.bin").Results[1].Members;
        Assert.True(membership.PeersByOrg.Remove("Org2MSP"));
        IReadOnlyList<DiscoveredPeer> members = DiscoveryAnswer.MembersOf(membership);
        Assert.Equal(["Org1MSP"], members.Select(m => m.MspId));
        var plan = new EndorsementPlan(up.Endorsers, members);
        var asked = new List<string>();

        FabricEndorsementPolicyException error = await Assert.ThrowsAsync<FabricEndorsementPolicyException>(() =>
            plan.ExecuteAsync(Tx, peer => { asked.Add(peer.Endpoint); return Task.FromResult(Endorsed(peer)); }, Answers()));

        // Org2's group has no peer left, so the layout cannot be met: nobody is asked for an endorsement that could not be used.
        Assert.Empty(asked);
        Assert.Empty(error.Endorsed);
        Assert.Contains("not in the channel's peer membership", error.NotEndorsed[$"{Org2Peer} (Org2MSP)"], StringComparison.Ordinal);
        Assert.Equal([$"{Org2Peer} (Org2MSP)"], plan.Excluded.Keys);
    }

    [Fact]
    public void The_answer_recorded_with_a_peer_down_is_an_error_the_client_raises_as_a_discovery_exception()
    {
        Discovery.Response down = Response("org2-down.bin");

        FabricDiscoveryException error = Assert.Throws<FabricDiscoveryException>(() => DiscoveryAnswer.Decode(down, "https://127.0.0.1:17051", "cc"));

        Assert.Equal(FabricDiscoveryException.ErrorCode, error.Code);
        Assert.StartsWith(down.Results[2].Error.Content.TrimEnd(), error.StatusMessage, StringComparison.Ordinal);
        Assert.EndsWith($"(the peer's membership view: {string.Join(", ", DiscoveryAnswer.MembersOf(down.Results[1].Members).Select(m => m.Name))})", error.StatusMessage, StringComparison.Ordinal);
        Assert.Contains($"{Org1Peer} (Org1MSP)", error.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("https://127.0.0.1:17051", error.Endpoint);
    }

    [Fact]
    public async Task The_chaincodes_own_refusal_ends_the_plan_with_its_code()
    {
        DiscoveryAnswer answer = Load("or.bin");
        var refusal = new Protos.ProposalResponse
        {
            Response = new Protos.Response { Status = ChaincodeError.Status, Payload = ByteString.CopyFrom(ChaincodeError.Encode("insufficient_balance", "balance 5 < 7")) },
        };

        FabricChaincodeException error = await Assert.ThrowsAsync<FabricChaincodeException>(() =>
            new EndorsementPlan(answer.Endorsers, answer.Members).ExecuteAsync(Tx, peer => Task.FromResult(new PeerAnswer(peer.Name, refusal, null)), Answers()));

        Assert.Equal("insufficient_balance", error.Code);
    }

    [Fact]
    public void The_signed_request_carries_the_identity_and_the_TLS_certificate_hash_and_verifies_with_the_clients_key()
    {
        FabricIdentity identity = GoldenFiles.ClientIdentity();
        byte[] hash = SHA256.HashData("tls client certificate"u8);

        Discovery.SignedRequest signed = DiscoveryRequests.Build(identity, GoldenFiles.ClientSigner(), hash, DiscoveryRequests.Queries("valuechain", "cc"));

        Discovery.Request request = Discovery.Request.Parser.ParseFrom(signed.Payload);
        Assert.Equal(identity.Serialized.ToArray(), request.Authentication.ClientIdentity.ToByteArray());
        Assert.Equal(hash, request.Authentication.ClientTlsCertHash.ToByteArray());
        Assert.Equal(["ConfigQuery", "PeerQuery", "CcQuery"], request.Queries.Select(q => q.QueryCase.ToString()));
        Assert.Equal("cc", request.Queries[2].CcQuery.Interests[0].Chaincodes[0].Name);
        using ECDsa key = identity.Certificate.GetECDsaPublicKey()!;
        Assert.True(key.VerifyData(signed.Payload.Span, signed.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    private static Dictionary<string, PeerAnswer> Answers() => new(StringComparer.Ordinal);

    private static Discovery.Response Response(string file) => Discovery.Response.Parser.ParseFrom(File.ReadAllBytes(GoldenFiles.PathOf(Path.Combine("discovery", file))));

    private static DiscoveryAnswer Load(string file)
    {
        Discovery.Response response = Response(file);
        string chaincode = response.Results[2].CcQueryRes.Content[0].Chaincode;
        return DiscoveryAnswer.Decode(response, "recorded", chaincode);
    }

    private static PeerAnswer Endorsed(DiscoveredPeer peer) => new(peer.Name, new Protos.ProposalResponse
    {
        Response = new Protos.Response { Status = 200 },
        Payload = ByteString.CopyFromUtf8("same result"),
        Endorsement = new Protos.Endorsement
        {
            Endorser = new Msp.SerializedIdentity { Mspid = peer.MspId, IdBytes = ByteString.CopyFromUtf8(peer.Endpoint) }.ToByteString(),
            Signature = ByteString.CopyFromUtf8("signature of " + peer.Endpoint),
        },
    }, null);

    private static PeerAnswer Down(DiscoveredPeer peer) => new(peer.Name, null, new FabricConnectionException(peer.Endpoint, 14, "connection refused"));
}
