using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>
/// PartChain through <see cref="TraceabilityEthereumAdapter"/> on a fresh chain per deployment: the suite's scenarios
/// need ledger time before their due date, and a node's time only moves forward. On anvil a node per deployment (a
/// <c>beforeStop</c> hook may read it before it stops: the gas report does); on another development node a snapshot
/// per deployment, reverted when the test ends (with the contracts built for the node's EVM). Deployed by the OEM through a manifest in a temporary folder, with the
/// conformance cast funded with gas.
/// </summary>
internal static class AnvilTraceability
{
    public static async Task<TraceabilityUnderTest> StartAsync(TraceabilityOptions options, Func<AnvilNode, Task>? beforeStop = null)
    {
        var anvil = new AnvilNode();
        await anvil.InitializeAsync();
        return await DeployAsync(anvil.Endpoint, AnvilNode.ChainId, options, (http, clients, folder) => new TemporaryDeployment(http, clients, folder, anvil, beforeStop));
    }

    // On an anvil the caller keeps (a test that mines past the node's state window, say), which outlives the deployment.
    public static Task<TraceabilityUnderTest> StartAsync(AnvilNode anvil, TraceabilityOptions options) =>
        DeployAsync(anvil.Endpoint, AnvilNode.ChainId, options, (http, clients, folder) => new TemporaryDeployment(http, clients, folder));

    public static async Task<TraceabilityUnderTest> StartAsync(DevelopmentNode node, TraceabilityOptions options, EvmTarget evmTarget = EvmTarget.Cancun)
    {
        IAsyncDisposable snapshot = await node.SnapshotAsync();
        return await DeployAsync(node.Endpoint, node.ChainId, options, (http, clients, folder) => new DisposeInOrder(new TemporaryDeployment(http, clients, folder), snapshot), evmTarget);
    }

    private static async Task<TraceabilityUnderTest> DeployAsync(
        Uri endpoint, ulong chainId, TraceabilityOptions options, Func<HttpClient, SignerClients, string, IAsyncDisposable> ownerOf, EvmTarget evmTarget = EvmTarget.Cancun)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(chainId), new TransactionSenderOptions { ChainId = chainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-partchain-").FullName;
        IAsyncDisposable owner = ownerOf(http, clients, folder);
        try
        {
            foreach (Cryptography.EthereumSigner actor in TraceabilityActors.All)
            {
                await DevelopmentNodeFunding.FundAsync(rpc, actor.Address, UInt256.Parse("0x56bc75e2d63100000"), TestContext.Current.CancellationToken);
            }

            using var deployer = new ContractDeployer(clients.For(TraceabilityActors.Oem), Path.Combine(folder, "deployment.json"), chainId);
            TraceabilityContracts contracts = await TraceabilityContracts.DeployAsync(clients.Reader, deployer, options, evmTarget, TestContext.Current.CancellationToken);
            return new TraceabilityUnderTest(new TraceabilityEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }
}
