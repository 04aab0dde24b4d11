using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>
/// PartChain on a fresh anvil node per deployment through <see cref="TraceabilityEthereumAdapter"/>: the suite's scenarios
/// need ledger time before their due date, and a node's time only moves forward. Deployed by the OEM through a
/// manifest in a temporary folder, with the conformance cast funded with gas; a <c>beforeStop</c> hook may read
/// the node before it stops (the gas report does).
/// </summary>
internal static class AnvilTraceability
{
    public static async Task<TraceabilityUnderTest> StartAsync(TraceabilityOptions options, Func<AnvilNode, Task>? beforeStop = null)
    {
        var anvil = new AnvilNode();
        await anvil.InitializeAsync();
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-partchain-").FullName;
        var owner = new TemporaryDeployment(http, clients, folder, anvil, beforeStop);
        try
        {
            foreach (Cryptography.EthereumSigner actor in TraceabilityActors.All)
            {
                await rpc.CallAsync("anvil_setBalance", [actor.Address.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
            }

            using var deployer = new ContractDeployer(clients.For(TraceabilityActors.Oem), Path.Combine(folder, "deployment.json"), AnvilNode.ChainId);
            TraceabilityContracts contracts = await TraceabilityContracts.DeployAsync(clients.Reader, deployer, options, TestContext.Current.CancellationToken);
            return new TraceabilityUnderTest(new TraceabilityEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }
}
