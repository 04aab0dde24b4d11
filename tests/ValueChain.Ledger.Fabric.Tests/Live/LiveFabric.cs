using ValueChain.Conformance;
using ValueChain.Conformance.AppMarket;
using ValueChain.Conformance.Flexibility;
using ValueChain.Conformance.Procurement;
using ValueChain.Conformance.Traceability;
using ValueChain.Conformance.V2V;
using ValueChain.Ledger.Fabric.Testing;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The live network of the test run, with every suite's actors enrolled, as a chaincode host: each scenario
/// deploys its chaincode under a fresh name and talks to it through its own client. Null network when none is
/// configured, and then every live test is skipped with the reason.
/// </summary>
public sealed class LiveFabric : IAsyncLifetime, IChaincodeHost
{
    public LiveFabricNetwork? Network { get; private set; }

    public static string SkipReason => LiveFabricSettings.SkipReason;

    public async ValueTask InitializeAsync()
    {
        if (LiveFabricSettings.FromEnvironment() is { } settings)
        {
            Network = await LiveFabricNetwork.StartAsync(settings);
            await Network.EnrollAsync([.. TraceabilityActors.All, .. FlexibilityActors.All, .. V2VActors.All, .. AppMarketActors.All, .. ProcurementActors.All]);
        }
    }

    /// <inheritdoc />
    void IChaincodeHost.Require() => Require();

    /// <summary>The network; skips the calling test, with the reason, when there is none.</summary>
    public LiveFabricNetwork Require()
    {
        if (Network is null)
        {
            Assert.Skip(SkipReason);
        }

        return Network;
    }

    /// <summary>The network when it has two organisations or more; skips the calling test, with the reason, otherwise.</summary>
    public LiveFabricNetwork RequireTwoOrganisations()
    {
        LiveFabricNetwork network = Require();
        if (network.Settings.Peers.Select(p => p.MspId).Distinct().Count() < 2)
        {
            Assert.Skip("Needs the two-organisation network (tools/fabric/two-org-network.sh up): the description has one organisation.");
        }

        return network;
    }

    /// <inheritdoc />
    public async Task<HostedChaincode> StartAsync(IChaincode chaincode)
    {
        LiveFabricNetwork network = Require();
        FabricClient client = network.NewClient();
        string name = await network.DeployAsync(client, chaincode);
        var gateway = new FabricContractGateway(client, network.Wallet, new Dictionary<string, string> { [chaincode.Name] = name });
        return new HostedChaincode(gateway, new FabricTimeControl(client), client);
    }

    public async ValueTask DisposeAsync()
    {
        if (Network is not null)
        {
            await Network.DisposeAsync();
        }
    }
}
