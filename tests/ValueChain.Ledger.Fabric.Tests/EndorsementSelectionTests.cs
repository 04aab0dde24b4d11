using CsCheck;
using Google.Protobuf;
using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric.Tests;

// Which endorsements a transaction carries: every peer without a policy; with one, the peers that endorsed, if they satisfy it.
public sealed class EndorsementSelectionTests
{
    private const string Tx = "tx-1";

    [Fact]
    public void Without_a_policy_every_peer_must_endorse_and_a_peer_that_is_down_fails_the_submit()
    {
        PeerAnswer[] allUp = [Endorsed("peer0.org1", "Org1MSP"), Endorsed("peer0.org2", "Org2MSP")];
        PeerAnswer[] oneDown = [Endorsed("peer0.org1", "Org1MSP"), Down("peer0.org2")];
        PeerAnswer[] oneRefuses = [Endorsed("peer0.org1", "Org1MSP"), Refused("peer0.org2", 500, "chaincode not installed")];

        Assert.Equal(["peer0.org1", "peer0.org2"], EndorsementSelection.Select(Tx, null, allUp).Select(r => r.Peer));
        Assert.Equal("peer0.org2", Assert.Throws<FabricConnectionException>(() => EndorsementSelection.Select(Tx, null, oneDown)).Endpoint);
        FabricEndorsementException refused = Assert.Throws<FabricEndorsementException>(() => EndorsementSelection.Select(Tx, null, oneRefuses));
        Assert.Equal(("peer0.org2", 500, "chaincode not installed"), (refused.Endpoint, refused.Status, refused.StatusMessage));
    }

    [Fact]
    public void A_peer_that_is_down_is_skipped_when_the_others_still_meet_the_policy()
    {
        var policy = EndorsementPolicy.Parse("OutOf(2, 'Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer')");

        IReadOnlyList<EndorsementResult> chosen = EndorsementSelection.Select(Tx, policy,
            [Endorsed("peer0.org1", "Org1MSP"), Down("peer0.org2"), Endorsed("peer0.org3", "Org3MSP")]);

        Assert.Equal(["peer0.org1", "peer0.org3"], chosen.Select(r => r.Peer));
    }

    [Fact]
    public void A_policy_that_cannot_be_met_is_a_typed_error_naming_the_policy_the_endorsers_and_the_peer_that_is_down()
    {
        var policy = EndorsementPolicy.Parse("AND('Org1MSP.peer', 'Org2MSP.peer')");

        FabricEndorsementPolicyException error = Assert.Throws<FabricEndorsementPolicyException>(() => EndorsementSelection.Select(Tx, policy,
            [Endorsed("peer0.org1", "Org1MSP"), Down("peer0.org2")]));

        Assert.Equal(FabricEndorsementPolicyException.ErrorCode, error.Code);
        Assert.Equal(policy.ToString(), error.Policy);
        Assert.Equal(["peer0.org1 (Org1MSP)"], error.Endorsed);
        Assert.Contains("connection refused", error.NotEndorsed["peer0.org2"], StringComparison.Ordinal);
        Assert.Contains("peer0.org2", error.Message, StringComparison.Ordinal);
        Assert.Equal("peer0.org2", error.Endpoint);
    }

    [Fact]
    public void Two_peers_of_one_organisation_do_not_count_as_two_organisations()
    {
        var policy = EndorsementPolicy.Parse("AND('Org1MSP.peer', 'Org2MSP.peer')");

        Assert.Throws<FabricEndorsementPolicyException>(() => EndorsementSelection.Select(Tx, policy,
            [Endorsed("peer0.org1", "Org1MSP"), Endorsed("peer1.org1", "Org1MSP"), Down("peer0.org2")]));
    }

    [Fact]
    public void The_chaincodes_own_refusal_is_the_answer_whatever_the_policy()
    {
        var refusal = new Protos.ProposalResponse
        {
            Response = new Protos.Response { Status = ChaincodeError.Status, Payload = ByteString.CopyFrom(ChaincodeError.Encode("insufficient_balance", "balance 5 < 7")) },
        };
        var policy = EndorsementPolicy.Parse("OR('Org1MSP.peer', 'Org2MSP.peer')");

        FabricChaincodeException error = Assert.Throws<FabricChaincodeException>(() => EndorsementSelection.Select(Tx, policy,
            [Endorsed("peer0.org1", "Org1MSP"), new PeerAnswer("peer0.org2", refusal, null)]));

        Assert.Equal("insufficient_balance", error.Code);
        Assert.True(error.Disputed, "another peer endorsed: the client asks again once the peers have caught up");
    }

    [Fact]
    public void A_refusal_of_every_peer_is_not_disputed()
    {
        var refusal = new Protos.ProposalResponse
        {
            Response = new Protos.Response { Status = ChaincodeError.Status, Payload = ByteString.CopyFrom(ChaincodeError.Encode("not_found", "Delivery D-1 does not exist.")) },
        };

        FabricChaincodeException error = Assert.Throws<FabricChaincodeException>(() => EndorsementSelection.Select(Tx, null,
            [new PeerAnswer("peer0.org1", refusal, null), new PeerAnswer("peer0.org2", refusal, null)]));

        Assert.Equal("not_found", error.Code);
        Assert.False(error.Disputed);
    }

    [Fact]
    public void A_set_of_peers_that_are_up_succeeds_exactly_when_their_organisations_satisfy_the_policy()
    {
        string[] policies = ["AND('Org1MSP.peer', 'Org2MSP.peer')", "OR('Org1MSP.peer', 'Org3MSP.peer')", "OutOf(2, 'Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer')", "AND('Org1MSP.member', OR('Org2MSP.peer', 'Org3MSP.peer'))"];
        Gen.Select(Gen.Int[0, policies.Length - 1], Gen.Bool.Array[3]).Sample((index, up) =>
        {
            var policy = EndorsementPolicy.Parse(policies[index]);
            PeerAnswer[] answers = [.. up.Select((isUp, i) => isUp ? Endorsed($"peer0.org{i + 1}", $"Org{i + 1}MSP") : Down($"peer0.org{i + 1}"))];
            bool expected = policy.IsSatisfiedBy([.. up.Select((isUp, i) => (isUp, i)).Where(p => p.isUp).Select(p => new PolicyEndorser($"Org{p.i + 1}MSP"))]);

            bool selected;
            try
            {
                selected = EndorsementSelection.Select(Tx, policy, answers).Count == up.Count(u => u);
            }
            catch (FabricEndorsementPolicyException)
            {
                selected = false;
            }

            return selected == expected;
        });
    }

    private static PeerAnswer Endorsed(string peer, string msp) => new(peer, new Protos.ProposalResponse
    {
        Response = new Protos.Response { Status = 200 },
        Payload = ByteString.CopyFromUtf8("same result"),
        Endorsement = new Protos.Endorsement
        {
            Endorser = new Msp.SerializedIdentity { Mspid = msp, IdBytes = ByteString.CopyFromUtf8(peer) }.ToByteString(),
            Signature = ByteString.CopyFromUtf8("signature of " + peer),
        },
    }, null);

    private static PeerAnswer Down(string peer) => new(peer, null, new FabricConnectionException(peer, 14, "connection refused"));

    private static PeerAnswer Refused(string peer, int status, string message) =>
        new(peer, new Protos.ProposalResponse { Response = new Protos.Response { Status = status, Message = message } }, null);
}
