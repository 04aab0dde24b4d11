using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CsCheck;
using System.Text;
using Google.Protobuf;
using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric.Tests;

public sealed class ProposalEncodingTests
{
    private static readonly byte[] Nonce = Enumerable.Range(1, ProposalBuilder.NonceLength).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 12, 0, 0, 123, TimeSpan.Zero);

    private static ChaincodeProposal GoldenProposal() => ProposalBuilder.Build(
        GoldenFiles.ClientIdentity(), GoldenFiles.ClientSigner(), "valuechain", "partchain",
        [Encoding.UTF8.GetBytes("registerParts"), Encoding.UTF8.GetBytes("""{"parts":[{"id":"P-1","partNumber":"PN-1","batch":"B-1"}]}""")],
        Nonce, Time);

    [Fact]
    public void The_signed_proposal_matches_its_golden_file_byte_for_byte()
    {
        GoldenFiles.AssertMatches("signed-proposal.hex", Convert.ToHexStringLower(GoldenProposal().Signed.ToByteArray()));
    }

    [Fact]
    public void The_transaction_envelope_matches_its_golden_file_byte_for_byte()
    {
        ChaincodeProposal proposal = GoldenProposal();
        Common.Envelope envelope = TransactionEnvelopeBuilder.Build(proposal, [Endorsed(proposal, "peer0"), Endorsed(proposal, "peer1")], GoldenFiles.ClientSigner());

        GoldenFiles.AssertMatches("transaction-envelope.hex", Convert.ToHexStringLower(envelope.ToByteArray()));
    }

    [Fact]
    public void The_deliver_seek_envelope_matches_its_golden_file_byte_for_byte()
    {
        Common.Envelope seek = SeekEnvelopeBuilder.Build(GoldenFiles.ClientIdentity(), GoldenFiles.ClientSigner(), "valuechain", 5, null, Nonce, Time);

        GoldenFiles.AssertMatches("deliver-seek.hex", Convert.ToHexStringLower(seek.ToByteArray()));
    }

    [Fact]
    public void The_transaction_id_is_sha256_of_nonce_then_creator_in_lower_hex()
    {
        ChaincodeProposal proposal = GoldenProposal();
        byte[] creator = GoldenFiles.ClientIdentity().Serialized.ToArray();

        string expected = Convert.ToHexString(SHA256.HashData([.. Nonce, .. creator])).ToLowerInvariant();

        Assert.Equal(expected, proposal.TransactionId);
        Common.ChannelHeader header = Common.ChannelHeader.Parser.ParseFrom(proposal.Header.ChannelHeader);
        Assert.Equal(expected, header.TxId);
        Assert.Equal((int)Common.HeaderType.EndorserTransaction, header.Type);
        Assert.Equal(Time, header.Timestamp.ToDateTimeOffset());
        Assert.Equal("partchain", Protos.ChaincodeHeaderExtension.Parser.ParseFrom(header.Extension).ChaincodeId.Name);
    }

    [Fact]
    public void The_proposal_signature_verifies_with_an_independent_verifier_over_the_certificate_key()
    {
        ChaincodeProposal proposal = GoldenProposal();
        using ECDsa key = GoldenFiles.ClientIdentity().Certificate.GetECDsaPublicKey()!;

        // .NET's ECDsa (OpenSSL on Linux), not the BouncyCastle code that signed.
        Assert.True(key.VerifyData(proposal.Signed.ProposalBytes.Span, proposal.Signed.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        byte[] tampered = proposal.Signed.ProposalBytes.ToByteArray();
        tampered[^1] ^= 1;
        Assert.False(key.VerifyData(tampered, proposal.Signed.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Every_signature_is_der_with_a_low_s_and_verifies_independently()
    {
        EcdsaP256Signer signer = GoldenFiles.ClientSigner();
        using ECDsa key = GoldenFiles.ClientIdentity().Certificate.GetECDsaPublicKey()!;
        BigInteger order = new(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), isUnsigned: true, isBigEndian: true);

        Gen.Byte.Array[0, 200].Sample(message =>
        {
            byte[] signature = signer.Sign(message);
            var reader = new AsnReader(signature, AsnEncodingRules.DER);
            AsnReader sequence = reader.ReadSequence();
            BigInteger r = sequence.ReadInteger();
            BigInteger s = sequence.ReadInteger();
            Assert.False(reader.HasData || sequence.HasData);
            Assert.InRange(r, BigInteger.One, order - 1);
            Assert.InRange(s, BigInteger.One, order / 2);
            Assert.True(key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }, iter: 300);
    }

    [Fact]
    public void The_envelope_carries_the_proposal_header_and_the_endorsements_without_the_transient_map()
    {
        ChaincodeProposal proposal = GoldenProposal();
        Common.Envelope envelope = TransactionEnvelopeBuilder.Build(proposal, [Endorsed(proposal, "peer0"), Endorsed(proposal, "peer0"), Endorsed(proposal, "peer1")], GoldenFiles.ClientSigner());

        Common.Payload payload = Common.Payload.Parser.ParseFrom(envelope.Payload);
        Assert.Equal(proposal.Header, payload.Header);
        Protos.Transaction transaction = Protos.Transaction.Parser.ParseFrom(payload.Data);
        Protos.ChaincodeActionPayload action = Protos.ChaincodeActionPayload.Parser.ParseFrom(Assert.Single(transaction.Actions).Payload);
        Assert.Equal(2, action.Action.Endorsements.Count);
        Assert.Empty(Protos.ChaincodeProposalPayload.Parser.ParseFrom(action.ChaincodeProposalPayload).TransientMap);
        using ECDsa key = GoldenFiles.ClientIdentity().Certificate.GetECDsaPublicKey()!;
        Assert.True(key.VerifyData(envelope.Payload.Span, envelope.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Disagreeing_or_failed_endorsements_are_refused_with_the_peer_named()
    {
        ChaincodeProposal proposal = GoldenProposal();
        EndorsementResult other = Endorsed(proposal, "peer1", result: "different");
        var failed = new EndorsementResult("peer2", new Protos.ProposalResponse { Response = new Protos.Response { Status = 500, Message = "access denied" } });

        FabricEndorsementException mismatch = Assert.Throws<FabricEndorsementException>(() => TransactionEnvelopeBuilder.Build(proposal, [Endorsed(proposal, "peer0"), other], GoldenFiles.ClientSigner()));
        FabricEndorsementException refused = Assert.Throws<FabricEndorsementException>(() => TransactionEnvelopeBuilder.Build(proposal, [failed], GoldenFiles.ClientSigner()));

        Assert.Equal("peer1", mismatch.Endpoint);
        Assert.Contains("does not agree", mismatch.Message, StringComparison.Ordinal);
        Assert.Equal(("peer2", 500, "access denied"), (refused.Endpoint, refused.Status, refused.StatusMessage));
        Assert.Equal(FabricEndorsementException.ErrorCode, refused.Code);
    }

    /// <summary>A response as a peer builds it: the chaincode action in the payload, signed over payload ‖ endorser.</summary>
    internal static EndorsementResult Endorsed(ChaincodeProposal proposal, string peer, string result = "ok")
    {
        var action = new Protos.ChaincodeAction
        {
            Results = ByteString.CopyFromUtf8("rwset"),
            Response = new Protos.Response { Status = 200, Payload = ByteString.CopyFromUtf8(result) },
            ChaincodeId = new Protos.ChaincodeID { Name = proposal.Chaincode, Version = "1" },
        };
        var payload = new Protos.ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(SHA256.HashData(proposal.Signed.ProposalBytes.Span)), Extension = action.ToByteString() }.ToByteString();
        ByteString endorser = new Msp.SerializedIdentity { Mspid = peer + "MSP", IdBytes = ByteString.CopyFromUtf8(GoldenFiles.Read("client.crt.pem")) }.ToByteString();
        byte[] signature = GoldenFiles.ClientSigner().Sign([.. payload.Span, .. endorser.Span]);
        return new EndorsementResult(peer, new Protos.ProposalResponse
        {
            Version = 1,
            Response = new Protos.Response { Status = 200, Payload = ByteString.CopyFromUtf8(result) },
            Payload = payload,
            Endorsement = new Protos.Endorsement { Endorser = endorser, Signature = ByteString.CopyFrom(signature) },
        });
    }
}
