using ValueChain.Conformance.AppMarket;
using ValueChain.Testing;

namespace ValueChain.AppMarket.Ethereum.Tests;

/// <summary>
/// Fresh marketplaces on an anvil node through <see cref="AppMarketEthereumAdapter"/>: the contracts deployed by the
/// genesis operator through a manifest in a temporary folder, and the conformance cast funded with gas.
/// </summary>
internal static class AnvilMarketplaces
{
    public static async Task<AppMarketUnderTest> StartAsync(AnvilNode anvil, AppMarketOptions options)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-appmarket-").FullName;
        var owner = new TemporaryDeployment(http, clients, folder);
        try
        {
            foreach (Address account in AppMarketActors.All.Select(a => a.Address))
            {
                await rpc.CallAsync("anvil_setBalance", [account.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
            }

            EthereumClient deployerClient = clients.For(AppMarketActors.Operator);
            using var deployer = new ContractDeployer(deployerClient, Path.Combine(folder, "deployment.json"), AnvilNode.ChainId);
            AppMarketContracts contracts = await AppMarketContracts.DeployAsync(deployerClient, deployer, options, TestContext.Current.CancellationToken);
            return new AppMarketUnderTest(new AppMarketEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }
}
