using ValueChain.Conformance.V2V;
using ValueChain.Testing;

namespace ValueChain.V2V.Ethereum.Tests;

/// <summary>Fresh obstacle maps on an anvil node through <see cref="V2VEthereumAdapter"/>: V2VMap deployed by the issuer through a manifest in a temporary folder, the conformance cast funded with gas.</summary>
internal static class AnvilMaps
{
    public static async Task<(V2VUnderTest Map, SignerClients Clients, V2VContracts Contracts)> StartWithClientsAsync(AnvilNode anvil, V2VOptions options)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-v2v-").FullName;
        var owner = new TemporaryDeployment(http, clients, folder);
        try
        {
            foreach (ISigner account in V2VActors.All)
            {
                await rpc.CallAsync("anvil_setBalance", [account.Address.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
            }

            EthereumClient deployerClient = clients.For(V2VActors.Issuer);
            using var deployer = new ContractDeployer(deployerClient, Path.Combine(folder, "deployment.json"), AnvilNode.ChainId);
            V2VContracts contracts = await V2VContracts.DeployAsync(deployerClient, deployer, options, TestContext.Current.CancellationToken);
            return (new V2VUnderTest(new V2VEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), owner), clients, contracts);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }

    public static async Task<V2VUnderTest> StartAsync(AnvilNode anvil, V2VOptions options) => (await StartWithClientsAsync(anvil, options)).Map;
}
