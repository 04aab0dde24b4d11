using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using ValueChain.Conformance.Traceability;
using ValueChain.Ledger.Fabric.Client;
using ValueChain.Ledger.Fabric.Testing;
using ValueChain.Ledger.Fabric.Tests.PrivateData;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// Private data on the two-organisation network: every definition the tests deploy declares the collections of the
/// description's <c>collections</c> file (tools/fabric/two-org-network.sh writes it), among them <c>org1Only</c>, whose
/// members are Org1MSP alone. A value written there is stored by Org1's peer; Org2's peer, asked directly, holds
/// only its hash; Traceability's order details, kept there, are not in the block at all (they travel as transient
/// data). Skipped without that network.
/// </summary>
[Collection(LiveFabricGroup.Name)]
public sealed class PrivateDataOnFabricTests(LiveFabric fabric)
{
    private const string Org1Only = "org1Only";

    [Fact]
    public async Task Org2s_peer_holds_only_the_hash_of_a_collection_of_Org1_while_Org1s_peer_holds_the_value()
    {
        LiveFabricNetwork network = fabric.RequireTwoOrganisations();
        Assert.True(network.Settings.Collections.Any(c => c.Name == Org1Only), $"the network description's collections must include '{Org1Only}' (two-org-network.sh writes it)");
        LiveFabricPeer org1 = network.Settings.Peers.First(p => p.MspId == "Org1MSP");
        LiveFabricPeer org2 = network.Settings.Peers.First(p => p.MspId == "Org2MSP");
        await using FabricClient client = network.NewClient();
        await using FabricClient atOrg1 = network.NewClient(useDiscovery: false, [org1.Endpoint]);
        await using FabricClient atOrg2 = network.NewClient(useDiscovery: false, [org2.Endpoint]);
        string name = await network.DeployAsync(client, new PrivateNotesChaincode());
        const string Secret = "price 41.90 EUR per unit, 30 days net";
        string note = JsonSerializer.Serialize(new { collection = Org1Only, key = "order-7", value = Secret });

        // Endorsed by both peers (AND of both organisations): Org2's peer endorses a write it will not keep.
        FabricSubmitResult written = await client.SubmitAsync(network.Admin, network.AdminSigner, name, "put", note);
        await network.WaitForBlockAsync(written.BlockNumber);

        string key = JsonSerializer.Serialize(new { collection = Org1Only, key = "order-7" });
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));
        Assert.Equal(JsonSerializer.Serialize(Secret), await EvaluateAsync(atOrg1, name, "get", key));
        Assert.Equal(JsonSerializer.Serialize(hash), await EvaluateAsync(atOrg1, name, "hash", key));
        Assert.Equal(JsonSerializer.Serialize(hash), await EvaluateAsync(atOrg2, name, "hash", key));

        // Org2's peer has the hash on its ledger but not the value: it refuses the read (the value matching the hash
        // is not available there), or answers that there is none.
        string? atOrg2Value;
        try
        {
            atOrg2Value = await EvaluateAsync(atOrg2, name, "get", key);
        }
        catch (ValueChainException refused)
        {
            Assert.Contains("private data", refused.Message, StringComparison.OrdinalIgnoreCase);
            atOrg2Value = null;
        }

        Assert.True(atOrg2Value is null or "null", $"Org2's peer answered {atOrg2Value}");
        Assert.DoesNotContain(Secret, atOrg2Value ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_reads_its_own_private_writes_and_their_hash()
    {
        LiveFabricNetwork network = fabric.RequireTwoOrganisations();
        await using FabricClient client = network.NewClient();
        string name = await network.DeployAsync(client, new PrivateNotesChaincode());
        string note = JsonSerializer.Serialize(new { collection = "traceabilityDetails", key = "d-1", value = "dock 4" });

        FabricSubmitResult result = await client.SubmitAsync(network.Admin, network.AdminSigner, name, "putThenGet", note);

        string hash = Convert.ToHexStringLower(SHA256.HashData("dock 4"u8));
        Assert.Equal(JsonSerializer.Serialize(new[] { "dock 4", hash }), Encoding.UTF8.GetString(result.Result.Span));
    }

    [Fact]
    public async Task Traceabilitys_order_details_are_not_in_the_block_Org2s_peer_holds_only_their_hash_and_Org1_reads_them()
    {
        LiveFabricNetwork network = fabric.RequireTwoOrganisations();
        const string PartNumber = "PN-CONFIDENTIAL-5521";
        var due = new DateTimeOffset(2027, 3, 14, 9, 26, 53, TimeSpan.Zero);
        TraceabilityOptions options = TraceabilityActors.Options();
        options.DetailsCollection = Org1Only;
        var chaincode = new DetailsHashChaincode(new TraceabilityChaincode(options), Org1Only);
        await using FabricClient client = network.NewClient();
        await using FabricClient atOrg1 = network.NewClient(useDiscovery: false, [network.Settings.Peers.First(p => p.MspId == "Org1MSP").Endpoint]);
        await using FabricClient atOrg2 = network.NewClient(useDiscovery: false, [network.Settings.Peers.First(p => p.MspId == "Org2MSP").Endpoint]);
        string name = await network.DeployAsync(client, chaincode);
        var names = new Dictionary<string, string> { [chaincode.Name] = name };
        var chain = new TraceabilityChaincodeAdapter(new FabricContractGateway(client, network.Wallet, names));

        TraceabilityReceipt placed = await chain.PlaceOrderAsync(TraceabilityActors.Tier1, "O-PD-1", TraceabilityActors.Tier2a.Address, PartNumber, 417, due);
        await network.WaitForBlockAsync(placed.BlockNumber);

        // The block every organisation receives: the transaction is in it, valid, with the order id only.
        Common.Block block = await BlockAsync(client, placed.BlockNumber);
        FabricBlockTransaction transaction = Assert.Single(BlockDecoder.Decode(block).Transactions, t => t.TransactionId == placed.TransactionId);
        Assert.True(transaction.IsValid);
        Assert.Equal(["placeOrder", """{"orderId":"O-PD-1"}"""], ArgumentsOf(block, placed.TransactionId));
        string onChannel = Encoding.UTF8.GetString(block.ToByteArray());
        foreach (string detail in new[] { PartNumber, "partNumber", "\"quantity\":417", "requestedDeliveryDate", "2027-03-14T09:26:53" })
        {
            Assert.False(onChannel.Contains(detail, StringComparison.Ordinal), $"block {placed.BlockNumber} contains '{detail}'");
        }

        // Org1 (the collection's member) reads the order; Org2's peer holds its hash and not its value.
        var atOrg1Chain = new TraceabilityChaincodeAdapter(new FabricContractGateway(atOrg1, network.Wallet, names));
        Order order = (await atOrg1Chain.GetOrderAsync(TraceabilityActors.Tier1, "O-PD-1"))!;
        Assert.Equal((PartNumber, 417, due), (order.PartNumber, order.Quantity, order.RequestedDeliveryDate));
        string key = JsonSerializer.Serialize(new { key = "order\u001fO-PD-1" });
        string value = JsonSerializer.Deserialize<string>(await EvaluateAsync(atOrg1, name, "detailsValue", key))!;
        string hash = Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(value)));
        Assert.Contains(PartNumber, Encoding.UTF8.GetString(Convert.FromHexString(value)), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(hash), await EvaluateAsync(atOrg2, name, "detailsHash", key));
        string? atOrg2Value;
        try
        {
            atOrg2Value = await EvaluateAsync(atOrg2, name, "detailsValue", key);
        }
        catch (ValueChainException refused)
        {
            Assert.Contains("private data", refused.Message, StringComparison.OrdinalIgnoreCase);
            atOrg2Value = null;
        }

        Assert.True(atOrg2Value is null or "null", $"Org2's peer answered {atOrg2Value}");
    }

    private static async Task<Common.Block> BlockAsync(FabricClient client, long number)
    {
        await foreach (Common.Block block in client.ReadRawBlocksAsync(number, number))
        {
            return block;
        }

        throw new InvalidOperationException($"block {number} was not delivered");
    }

    // The arguments of the transaction as the channel holds them (its proposal payload, transient map stripped).
    private static string[] ArgumentsOf(Common.Block block, TxId transactionId)
    {
        foreach (ByteString data in block.Data.Data)
        {
            Common.Payload payload = Common.Payload.Parser.ParseFrom(Common.Envelope.Parser.ParseFrom(data).Payload);
            if (TxId.Parse(Common.ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader).TxId) != transactionId)
            {
                continue;
            }

            Protos.TransactionAction action = Assert.Single(Protos.Transaction.Parser.ParseFrom(payload.Data).Actions);
            Protos.ChaincodeProposalPayload proposal = Protos.ChaincodeProposalPayload.Parser.ParseFrom(Protos.ChaincodeActionPayload.Parser.ParseFrom(action.Payload).ChaincodeProposalPayload);
            Assert.Empty(proposal.TransientMap);
            return [.. Protos.ChaincodeInvocationSpec.Parser.ParseFrom(proposal.Input).ChaincodeSpec.Input.Args.Select(a => a.ToStringUtf8())];
        }

        throw new InvalidOperationException($"transaction {transactionId} is not in the block");
    }

    private static async Task<string> EvaluateAsync(FabricClient client, string chaincode, string function, string args) =>
        Encoding.UTF8.GetString((await client.EvaluateAsync(chaincode, function, args)).Span);
}
