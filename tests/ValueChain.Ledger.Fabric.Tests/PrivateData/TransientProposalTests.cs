using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using ValueChain.Conformance.Traceability;
using ValueChain.Ledger.Fabric.Protocol;
using ValueChain.Ledger.InMemory;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.PrivateData;

/// <summary>
/// Traceability's order and delivery details on the wire to Fabric: the gateway moves the private arguments into the
/// signed proposal's transient map; the transaction envelope sent to the orderer (what every organisation's block
/// holds) carries neither them nor the transient map, and still meets Fabric's proposal-hash rule.
/// </summary>
public sealed class TransientProposalTests
{
    private const string PartNumber = "PN-SECRET-7731";
    private static readonly DateTimeOffset Due = new(2027, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly byte[] Nonce = Enumerable.Range(1, ProposalBuilder.NonceLength).Select(i => (byte)(i * 3)).ToArray();
    private static readonly DateTimeOffset Time = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PlaceOrders_details_travel_in_the_transient_map_and_the_orderers_envelope_holds_none_of_them()
    {
        ContractInvocation invocation = await RecordedAsync(chain => chain.PlaceOrderAsync(TraceabilityActors.Tier1, "O-77", TraceabilityActors.Tier2a.Address, PartNumber, 413, Due));
        ChaincodeProposal proposal = ProposalOf(invocation);

        Protos.ChaincodeProposalPayload payload = Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Proposal.Payload);
        Assert.Equal(["partNumber", "quantity", "requestedDeliveryDate", "supplier"], payload.TransientMap.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(JsonSerializer.Serialize(PartNumber), payload.TransientMap["partNumber"].ToStringUtf8());
        Assert.Equal("413", payload.TransientMap["quantity"].ToStringUtf8());
        Assert.Contains(TraceabilityActors.Tier2a.Address.ToLowerHex()[2..], payload.TransientMap["supplier"].ToStringUtf8(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["placeOrder", """{"orderId":"O-77"}"""], ArgumentsOf(payload.Input));

        byte[] envelope = EnvelopeOf(proposal).ToByteArray();
        AssertAbsent(envelope, PartNumber, "413", "requestedDeliveryDate", "partNumber", "supplier", JsonSerializer.Serialize(Due).Trim('"'));
        AssertAbsent(envelope, TraceabilityActors.Tier2a.Address.ToLowerHex()[2..], TraceabilityActors.Tier2a.Address.ToString()[2..]);
        Assert.Contains("O-77", Encoding.UTF8.GetString(envelope), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDeliverys_order_provider_and_parts_travel_in_the_transient_map_only()
    {
        ContractInvocation invocation = await RecordedAsync(async chain =>
        {
            await chain.PlaceOrderAsync(TraceabilityActors.Tier1, "O-78", TraceabilityActors.Tier2a.Address, "PN-1", 1, Due);
            return await chain.CreateDeliveryAsync(TraceabilityActors.Tier2a, "D-78", "O-78", TraceabilityActors.Lsp.Address, ["P-SECRET-1"]);
        });
        ChaincodeProposal proposal = ProposalOf(invocation);

        Protos.ChaincodeProposalPayload payload = Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Proposal.Payload);
        Assert.Equal(["lsp", "orderId", "partIds"], payload.TransientMap.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""["P-SECRET-1"]""", payload.TransientMap["partIds"].ToStringUtf8());
        Assert.Equal(["createDelivery", """{"deliveryId":"D-78"}"""], ArgumentsOf(payload.Input));
        AssertAbsent(EnvelopeOf(proposal).ToByteArray(), "P-SECRET-1", "O-78", TraceabilityActors.Lsp.Address.ToLowerHex()[2..]);
    }

    [Fact]
    public async Task The_envelope_meets_fabrics_proposal_hash_rule_which_leaves_the_transient_map_out()
    {
        ChaincodeProposal proposal = ProposalOf(await RecordedAsync(chain => chain.PlaceOrderAsync(TraceabilityActors.Tier1, "O-79", TraceabilityActors.Tier2a.Address, PartNumber, 2, Due)));
        Common.Envelope envelope = EnvelopeOf(proposal);

        // The committer's check (core/common/validation: protoutil.GetProposalHash2): SHA-256 of the channel header, the
        // action's signature header and the proposal payload bytes the transaction carries equals the endorsed hash.
        Common.Payload payload = Common.Payload.Parser.ParseFrom(envelope.Payload);
        Protos.TransactionAction action = Assert.Single(Protos.Transaction.Parser.ParseFrom(payload.Data).Actions);
        Protos.ChaincodeActionPayload actionPayload = Protos.ChaincodeActionPayload.Parser.ParseFrom(action.Payload);
        byte[] committed = SHA256.HashData([.. payload.Header.ChannelHeader.Span, .. action.Header.Span, .. actionPayload.ChaincodeProposalPayload.Span]);
        ByteString endorsed = Protos.ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload).ProposalHash;
        Assert.Equal(endorsed.ToByteArray(), committed);
        Assert.Empty(Protos.ChaincodeProposalPayload.Parser.ParseFrom(actionPayload.ChaincodeProposalPayload).TransientMap);

        // The endorser's rule (core/endorser: protoutil.GetBytesProposalPayloadForTx) hashes the payload without the
        // transient map; with it, the hash would differ and the committer would refuse the transaction.
        byte[] withTransient = SHA256.HashData([.. proposal.Header.ChannelHeader.Span, .. proposal.Header.SignatureHeader.Span, .. proposal.Proposal.Payload.Span]);
        Assert.NotEqual(withTransient, committed);
    }

    [Fact]
    public async Task The_signed_proposal_with_transient_data_matches_its_golden_file_byte_for_byte()
    {
        ChaincodeProposal proposal = ProposalOf(await RecordedAsync(chain => chain.PlaceOrderAsync(TraceabilityActors.Tier1, "O-80", TraceabilityActors.Tier2a.Address, PartNumber, 5, Due)));

        GoldenFiles.AssertMatches("signed-proposal-transient.hex", Convert.ToHexStringLower(proposal.Signed.ToByteArray()));
    }

    [Fact]
    public void An_invocation_without_private_arguments_is_sent_whole_with_an_empty_transient_map()
    {
        var invocation = new ContractInvocation("traceability", "scan", """{"partId":"P-1","location":{"name":"dock"}}""");

        (string arguments, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient) = FabricContractGateway.Split(invocation);

        Assert.Equal(invocation.ArgumentsJson, arguments);
        Assert.Empty(transient);
    }

    // The invocation the Traceability adapter submits, recorded on its way to the embedded ledger, which runs it unchanged.
    private static async Task<ContractInvocation> RecordedAsync(Func<TraceabilityChaincodeAdapter, Task<TraceabilityReceipt>> act)
    {
        await using InMemoryLedger ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)) },
            [new TraceabilityChaincode(TraceabilityActors.Options())]);
        var recording = new RecordingGateway(ledger);
        var chain = new TraceabilityChaincodeAdapter(recording);
        await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("P-SECRET-1", "PN-1", "B-1")], TraceabilityActors.Plant);
        await act(chain);
        return recording.Submitted[^1];
    }

    private static ChaincodeProposal ProposalOf(ContractInvocation invocation)
    {
        (string arguments, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient) = FabricContractGateway.Split(invocation);
        return ProposalBuilder.Build(GoldenFiles.ClientIdentity(), GoldenFiles.ClientSigner(), "valuechain", invocation.Chaincode,
            [Encoding.UTF8.GetBytes(invocation.Function), Encoding.UTF8.GetBytes(arguments)], Nonce, Time, transient);
    }

    private static Common.Envelope EnvelopeOf(ChaincodeProposal proposal) =>
        TransactionEnvelopeBuilder.Build(proposal, [Endorsed(proposal, "peer0"), Endorsed(proposal, "peer1")], GoldenFiles.ClientSigner());

    private static string[] ArgumentsOf(ByteString input) =>
        [.. Protos.ChaincodeInvocationSpec.Parser.ParseFrom(input).ChaincodeSpec.Input.Args.Select(a => a.ToStringUtf8())];

    private static void AssertAbsent(byte[] bytes, params string[] texts)
    {
        string text = Encoding.UTF8.GetString(bytes);
        foreach (string secret in texts)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the orderer's envelope contains '{secret}'");
        }
    }

    // As a peer answers: the proposal hash by Fabric's endorser rule, the chaincode action, a signature over payload ‖ endorser.
    private static EndorsementResult Endorsed(ChaincodeProposal proposal, string peer)
    {
        var action = new Protos.ChaincodeAction
        {
            Results = ByteString.CopyFromUtf8("rwset"),
            Response = new Protos.Response { Status = 200 },
            ChaincodeId = new Protos.ChaincodeID { Name = proposal.Chaincode, Version = "1" },
        };
        byte[] hash = ProposalBuilder.ProposalHash(proposal.Header, Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Proposal.Payload));
        ByteString payload = new Protos.ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(hash), Extension = action.ToByteString() }.ToByteString();
        ByteString endorser = new Msp.SerializedIdentity { Mspid = peer + "MSP", IdBytes = ByteString.CopyFromUtf8(GoldenFiles.Read("client.crt.pem")) }.ToByteString();
        return new EndorsementResult(peer, new Protos.ProposalResponse
        {
            Version = 1,
            Response = new Protos.Response { Status = 200 },
            Payload = payload,
            Endorsement = new Protos.Endorsement { Endorser = endorser, Signature = ByteString.CopyFrom(GoldenFiles.ClientSigner().Sign([.. payload.Span, .. endorser.Span])) },
        });
    }

    private sealed class RecordingGateway(IContractGateway inner) : IContractGateway
    {
        public List<ContractInvocation> Submitted { get; } = [];

        public Task<TransactionReceipt> SubmitAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken = default)
        {
            Submitted.Add(invocation);
            return inner.SubmitAsync(signer, invocation, cancellationToken);
        }

        public Task<string?> EvaluateAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken = default) => inner.EvaluateAsync(caller, invocation, cancellationToken);

        public Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(string chaincode, long fromBlock, long toBlock, CancellationToken cancellationToken = default) => inner.GetEventsAsync(chaincode, fromBlock, toBlock, cancellationToken);

        public IAsyncEnumerable<LedgerEvent> WatchEventsAsync(string chaincode, long fromBlock, CancellationToken cancellationToken = default) => inner.WatchEventsAsync(chaincode, fromBlock, cancellationToken);
    }
}
