using ValueChain.Conformance.Procurement;
using ValueChain.Testing;

namespace ValueChain.Procurement.Ethereum.Tests;

/// <summary>
/// Fresh procurement marketplaces on an anvil node through <see cref="ProcurementEthereumAdapter"/>: the contracts
/// deployed by the operator through a manifest in a temporary folder, and the conformance cast funded with gas.
/// </summary>
internal static class AnvilMarketplaces
{
    public static async Task<ProcurementUnderTest> StartAsync(AnvilNode anvil, ProcurementOptions options)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-procurement-").FullName;
        var owner = new TemporaryDeployment(http, clients, folder);
        try
        {
            foreach (Address account in ProcurementActors.All.Select(a => a.Address))
            {
                await rpc.CallAsync("anvil_setBalance", [account.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
            }

            EthereumClient deployerClient = clients.For(ProcurementActors.Operator);
            using var deployer = new ContractDeployer(deployerClient, Path.Combine(folder, "deployment.json"), AnvilNode.ChainId);
            ProcurementContracts contracts = await ProcurementContracts.DeployAsync(deployerClient, deployer, options, TestContext.Current.CancellationToken);
            return new ProcurementUnderTest(new ProcurementEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }
}
