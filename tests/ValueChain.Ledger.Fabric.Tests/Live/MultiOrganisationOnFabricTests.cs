using ValueChain.Conformance.Traceability;
using ValueChain.Ledger.Fabric.Testing;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// On the two-organisation network (tools/fabric/two-org-network.sh: a peer of Org1MSP and one of Org2MSP, both
/// requiring TLS client certificates, chaincodes defined with AND of both): discovery through one bootstrap peer
/// finds both organisations and endorses as the policy needs; a stopped peer makes the policy unmet, as a typed
/// error naming it. With VALUECHAIN_FABRIC_RECORD_DISCOVERY set to a folder, the discovery answers are written
/// there (the golden files of <see cref="DiscoveryGoldenTests"/>). Skipped without that network.
/// </summary>
[Collection(LiveFabricGroup.Name)]
public sealed class MultiOrganisationOnFabricTests(LiveFabric fabric)
{
    private const string RecordVariable = "VALUECHAIN_FABRIC_RECORD_DISCOVERY";
    private static readonly string? RecordTo = Environment.GetEnvironmentVariable(RecordVariable);

    [Fact]
    public async Task Discovery_through_one_bootstrap_peer_finds_both_organisations_and_endorses_with_both()
    {
        LiveFabricNetwork network = RequireTwoOrganisations();
        await using FabricClient client = network.NewClient(useDiscovery: true, [network.Settings.Peers[0].Endpoint]);
        await using FabricClient deployer = network.NewClient(useDiscovery: false, network.Settings.Peers.Select(p => p.Endpoint));
        string both = await network.DeployAsync(deployer, new TraceabilityChaincode(TraceabilityActors.Options()), EndorsementPolicy.Parse("AND('Org1MSP.peer', 'Org2MSP.peer')"));
        string either = await network.DeployAsync(deployer, new TraceabilityChaincode(TraceabilityActors.Options()), EndorsementPolicy.Parse("OR('Org1MSP.peer', 'Org2MSP.peer')"));

        DiscoveryAnswer and = await AnswerWithChaincodeAsync(client, both, "and.bin");
        DiscoveryAnswer or = await AnswerWithChaincodeAsync(client, either, "or.bin");

        Assert.Equal(["Org1MSP", "Org2MSP"], and.Members.Select(m => m.MspId));
        Assert.Contains("Org2MSP", and.TlsRoots.Keys);
        IReadOnlyDictionary<string, int> layout = Assert.Single(and.Endorsers.Layouts);
        Assert.Equal([1, 1], layout.Values);
        Assert.Equal(["Org1MSP", "Org2MSP"], layout.Keys.Select(g => Assert.Single(and.Endorsers.Groups[g]).MspId).Order());
        Assert.Equal(2, or.Endorsers.Layouts.Count);

        // Endorsed by the peer discovery found (Org2's, never configured) as well: the commit is valid only under AND of both.
        var chain = new TraceabilityChaincodeAdapter(new FabricContractGateway(client, network.Wallet, new Dictionary<string, string> { [TraceabilityChaincode.ChaincodeName] = both }));
        TraceabilityReceipt receipt = await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("DISC-1", "PN-1", "B-1")], TraceabilityActors.Plant);
        Assert.True(receipt.BlockNumber > 0);
    }

    [Fact]
    public async Task A_stopped_peer_makes_the_policy_unmet_as_a_typed_error_naming_it()
    {
        LiveFabricNetwork network = RequireTwoOrganisations();
        LiveFabricControl control = network.Settings.Control ?? throw new InvalidOperationException("the network description has no 'control' entry");
        LiveFabricPeer stopped = network.Settings.Peers[1];
        await using FabricClient client = network.NewClient(useDiscovery: false, network.Settings.Peers.Select(p => p.Endpoint));
        await using FabricClient discovering = network.NewClient(useDiscovery: true, [network.Settings.Peers[0].Endpoint]);
        string name = await network.DeployAsync(client, new TraceabilityChaincode(TraceabilityActors.Options()));
        var map = new Dictionary<string, string> { [TraceabilityChaincode.ChaincodeName] = name };
        var chain = new TraceabilityChaincodeAdapter(new FabricContractGateway(client, network.Wallet, map));
        var viaDiscovery = new TraceabilityChaincodeAdapter(new FabricContractGateway(discovering, network.Wallet, map));
        Assert.True((await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("STOP-1", "PN-1", "B-1")], TraceabilityActors.Plant)).BlockNumber > 0);
        Assert.True((await viaDiscovery.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("STOP-2", "PN-1", "B-1")], TraceabilityActors.Plant)).BlockNumber > 0);

        await control.StopPeerAsync(2);
        try
        {
            FabricEndorsementPolicyException configured = await Assert.ThrowsAsync<FabricEndorsementPolicyException>(() =>
                chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("STOP-3", "PN-1", "B-1")], TraceabilityActors.Plant));
            Assert.Equal(FabricEndorsementPolicyException.ErrorCode, configured.Code);
            Assert.Contains(stopped.Endpoint.Address, configured.NotEndorsed.Keys);
            Assert.Contains(stopped.Endpoint.Address, configured.Message, StringComparison.Ordinal);

            // Through discovery: either the service still offers the stopped peer's layout, which is tried and fails naming
            // it, or (as seen on 2.5.5 right after the stop) it finds no layout, and the error shows its membership view.
            string endpoint = new Uri(stopped.Endpoint.Address).Authority;
            FabricException discovered = await Assert.ThrowsAnyAsync<FabricException>(() =>
                viaDiscovery.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("STOP-4", "PN-1", "B-1")], TraceabilityActors.Plant));
            if (discovered is FabricEndorsementPolicyException unmet)
            {
                Assert.Contains(unmet.NotEndorsed.Keys, k => k.StartsWith(endpoint, StringComparison.Ordinal));
            }
            else
            {
                FabricDiscoveryException none = Assert.IsType<FabricDiscoveryException>(discovered);
                Assert.Contains($"membership view: {new Uri(network.Settings.Peers[0].Endpoint.Address).Authority} (Org1MSP)", none.Message, StringComparison.Ordinal);
            }

            if (RecordTo is not null)
            {
                await RecordWithoutPeerAsync(discovering, name);
            }
        }
        finally
        {
            await control.StartPeerAsync(2);
            await network.WaitForBlockAsync(await client.GetNewestBlockNumberAsync(), TimeSpan.FromSeconds(60));
        }
    }

    private LiveFabricNetwork RequireTwoOrganisations() => fabric.RequireTwoOrganisations();

    // A fresh definition reaches the bootstrap peer's view of the other organisation within a gossip round.
    private static async Task<DiscoveryAnswer> AnswerWithChaincodeAsync(FabricClient client, string chaincode, string file)
    {
        DateTimeOffset giveUp = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            Discovery.Response response = await client.DiscoverAsync(chaincode);
            try
            {
                DiscoveryAnswer answer = DiscoveryAnswer.Decode(response, "bootstrap", chaincode);
                if (answer.Endorsers.Groups.Values.SelectMany(p => p).Select(p => p.MspId).Distinct().Count() == 2)
                {
                    Record(file, response);
                    return answer;
                }
            }
            catch (FabricDiscoveryException) when (DateTimeOffset.UtcNow < giveUp)
            {
            }

            Assert.True(DateTimeOffset.UtcNow < giveUp, $"discovery did not describe both organisations for {chaincode} within 30 s");
            await Task.Delay(500);
        }
    }

    // Right after the stop: the endorsers query is answered with an error (no layout can be met without Org2's peer).
    private static async Task RecordWithoutPeerAsync(FabricClient client, string chaincode)
    {
        Discovery.Response response = await client.DiscoverAsync(chaincode);
        Assert.Equal(Discovery.QueryResult.ResultOneofCase.Error, response.Results[2].ResultCase);
        Record("org2-down.bin", response);
    }

    private static void Record(string file, Discovery.Response response)
    {
        if (RecordTo is not null)
        {
            Directory.CreateDirectory(RecordTo);
            File.WriteAllBytes(Path.Combine(RecordTo, file), Google.Protobuf.MessageExtensions.ToByteArray(response));
        }
    }
}
