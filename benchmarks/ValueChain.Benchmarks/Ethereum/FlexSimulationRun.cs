using ValueChain.Flexibility;
using ValueChain.Ledger;
using ValueChain.Ledger.Ethereum;
using ValueChain.Flexibility.Ethereum;
using ValueChain.Testing;

namespace ValueChain.Benchmarks;

/// <summary>
/// The flexibility simulation of 1000 EVs (the SDK's FlexibilitySimulation, unchanged) on anvil through
/// FlexibilityEthereumAdapter: the wall time of each stage — offering, bidding, contract creation, payment —
/// from the first call to the last receipt, per scenario. Run: <c>-- flex-simulation</c>.
/// </summary>
internal static class FlexSimulationRun
{
    public static async Task RunAsync(int evs = 1000)
    {
        foreach (SimulationScenario scenario in FlexibilitySimulation.Grid(evs, locations: [25, 100, 500], rejections: [50], performances: [80]))
        {
            var anvil = new AnvilNode();
            await anvil.InitializeAsync();
            try
            {
                SimulationResult result = await FlexibilitySimulation.RunAsync(scenario, (options, actors) => StartAsync(anvil, options, actors).GetAwaiter().GetResult());
                Console.WriteLine($"{scenario.Evs} EVs, {scenario.Locations} locations: {result.OffersCreated} offers, {result.OffersSold} sold, {result.EnergyDeliveredWh / 1000} kWh delivered");
                foreach (StageFigures stage in result.Stages)
                {
                    Console.WriteLine($"  {stage.Stage,-16} {stage.Transactions,5} tx in {stage.WallTime.TotalSeconds,6:0.000} s ({stage.Transactions / stage.WallTime.TotalSeconds,6:0} tx/s), fits its window: {stage.FitsWindow}");
                }
            }
            finally
            {
                await anvil.DisposeAsync();
            }
        }
    }

    // The market deployed by the simulation's TSO, its actors funded; the clients and the HTTP connection go with the owner.
    private static async Task<(IFlexibilityContract, ILedgerTimeControl, IAsyncDisposable)> StartAsync(AnvilNode anvil, FlexibilityOptions options, IReadOnlyList<ISigner> actors)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new SignerClients(rpc, new EthereumClientOptions { ChainId = AnvilNode.ChainId }, new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromMilliseconds(500) });
        foreach (ISigner actor in actors)
        {
            await rpc.CallAsync("anvil_setBalance", [actor.Address.ToLowerHex(), "0x56bc75e2d63100000"]);
        }

        string folder = Directory.CreateTempSubdirectory("valuechain-flex-sim-").FullName;
        using var deployer = new ContractDeployer(clients.For(actors[0]), Path.Combine(folder, "deployment.json"), AnvilNode.ChainId);
        FlexibilityContracts contracts = await FlexibilityContracts.DeployAsync(clients.For(actors[0]), deployer, options);
        return (new FlexibilityEthereumAdapter(clients, contracts), new DevChainTimeControl(rpc), new Owner(clients, http, folder));
    }

    private sealed class Owner(SignerClients clients, HttpClient http, string folder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            clients.Dispose();
            http.Dispose();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
