using ValueChain.Conformance.Traceability;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The traceability conformance suite, unchanged, on a live Fabric 2.5 network: the C# PartChain
/// chaincode in this process's chaincode-as-a-service server, reached by the peer; the adapter over
/// <see cref="FabricContractGateway"/>. Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
public sealed class TraceabilityOnFabricTests(LiveFabric fabric) : TraceabilityConformance
{
    protected override async Task<TraceabilityUnderTest> StartAsync(TraceabilityOptions options)
    {
        ValueChain.Testing.LiveFabricNetwork network = fabric.Require();
        FabricClient client = network.NewClient();
        string name = await network.DeployAsync(client, new TraceabilityChaincode(options));
        var gateway = new FabricContractGateway(client, network.Wallet, new Dictionary<string, string> { [TraceabilityChaincode.ChaincodeName] = name });
        return new TraceabilityUnderTest(new TraceabilityChaincodeAdapter(gateway), new FabricTimeControl(client), client, gateway);
    }
}
