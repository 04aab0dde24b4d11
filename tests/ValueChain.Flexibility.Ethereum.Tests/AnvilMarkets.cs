using ValueChain.Conformance.Flexibility;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

/// <summary>
/// Fresh flexibility markets on an anvil or another development node through <see cref="FlexibilityEthereumAdapter"/>: the contracts
/// deployed by the genesis verifier (the TSO) through a manifest in a temporary folder, the conformance cast funded with gas,
/// and ledger time moved to 06:00 UTC of the next day so that no scenario crosses midnight by accident.
/// </summary>
internal static class AnvilMarkets
{
    public static Task<FlexibilityUnderTest> StartAsync(AnvilNode anvil, FlexibilityOptions options) => StartAsync(anvil.Endpoint, AnvilNode.ChainId, options);

    public static Task<FlexibilityUnderTest> StartAsync(DevelopmentNode node, FlexibilityOptions options) => StartAsync(node.Endpoint, node.ChainId, options);

    private static async Task<FlexibilityUnderTest> StartAsync(Uri endpoint, ulong chainId, FlexibilityOptions options)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(chainId), new TransactionSenderOptions { ChainId = chainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-flex-").FullName;
        var owner = new TemporaryDeployment(http, clients, folder);
        try
        {
            foreach (Address account in new[] { FlexibilityActors.Tso.Address, FlexibilityActors.Dso.Address, FlexibilityActors.FleetOperator.Address, FlexibilityActors.OtherFleetOperator.Address, FlexibilityActors.Stranger.Address })
            {
                await DevelopmentNodeFunding.FundAsync(rpc, account, UInt256.Parse("0x56bc75e2d63100000"), TestContext.Current.CancellationToken);
            }

            EthereumClient deployerClient = clients.For(FlexibilityActors.Tso);
            using var deployer = new ContractDeployer(deployerClient, Path.Combine(folder, "deployment.json"), chainId);
            FlexibilityContracts contracts = await FlexibilityContracts.DeployAsync(deployerClient, deployer, options, TestContext.Current.CancellationToken);
            var time = new DevChainTimeControl(rpc);
            DateTimeOffset now = await time.GetTimeAsync(TestContext.Current.CancellationToken);
            await time.AdvanceAsync(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(6) - now, TestContext.Current.CancellationToken);
            return new FlexibilityUnderTest(new FlexibilityEthereumAdapter(clients, contracts), time, owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }
}
