using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Procurement.Tests;
using ValueChain.Testing;

namespace ValueChain.Procurement.Ethereum.Tests;

/// <summary>
/// The anvil guard of every change that makes the case study faster on Ethereum: a reduced case study decides on
/// anvil exactly what it decides on the embedded ledger (counts, every supplier's evaluation and share, the ratings day
/// by day, every final balance). The embedded ledger's default run is pinned by the golden file of
/// ValueChain.Procurement.Tests; this one keeps anvil to it.
/// </summary>
public sealed class CaseStudyOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    // Small enough for CI (a few seconds on anvil) and still with late and missing deliveries, cancellations and
    // maintenance entries, and three suppliers winning orders (seed chosen for that; the assertions below check it).
    private static readonly ProcurementScenario Reduced = new(Companies: 4, Machines: 12, Quotations: 4, Days: 8, Seed: 8);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reduced_case_study_on_anvil_decides_what_it_decides_on_the_embedded_ledger()
    {
        string embedded = await RunAsync(EmbeddedAsync);
        string onAnvil = await RunAsync(OnAnvilAsync);

        Assert.Contains("stage Maintenance", embedded, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelled 0 ", embedded, StringComparison.Ordinal);
        Assert.DoesNotContain("Maintenance 0\n", embedded, StringComparison.Ordinal);
        Assert.Equal(embedded, onAnvil);
    }

    // Runs the reduced scenario on the market the starter opens and describes its outcome, read before the market closes.
    private static async Task<string> RunAsync(Func<ProcurementOptions, IReadOnlyList<ISigner>, Task<(IProcurementContract, ILedgerTimeControl, IAsyncDisposable)>> start)
    {
        IProcurementContract? market = null;
        IAsyncDisposable? owner = null;
        IReadOnlyList<ISigner> cast = [];
        async Task<(IProcurementContract, ILedgerTimeControl, IAsyncDisposable)> Keep(ProcurementOptions options, IReadOnlyList<ISigner> signers)
        {
            (IProcurementContract contract, ILedgerTimeControl time, IAsyncDisposable opened) = await start(options, signers);
            (market, owner, cast) = (contract, opened, signers);
            return (contract, time, new KeptOpen());
        }

        ProcurementSimulationResult result = await ProcurementSimulation.RunAsync(Reduced, Keep, cancellationToken: Cancel);
        await using IAsyncDisposable opened = owner!;
        return await CaseStudyOutcome.DescribeAsync(result, market!, cast);
    }

    private static Task<(IProcurementContract, ILedgerTimeControl, IAsyncDisposable)> EmbeddedAsync(ProcurementOptions options, IReadOnlyList<ISigner> _)
    {
        var ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)) },
            [new ProcurementChaincode(options)]);
        return Task.FromResult<(IProcurementContract, ILedgerTimeControl, IAsyncDisposable)>((new ProcurementChaincodeAdapter(ledger), ledger, ledger));
    }

    // The marketplace deployed afresh by the operator, the cast funded for gas, and anvil's clock stopped so that, as on
    // the embedded ledger, time moves only when the simulation moves it.
    private async Task<(IProcurementContract, ILedgerTimeControl, IAsyncDisposable)> OnAnvilAsync(ProcurementOptions options, IReadOnlyList<ISigner> signers)
    {
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        var clients = new SignerClients(rpc, AnvilClients.Options(), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-procurement-case-").FullName;
        var owner = new TemporaryDeployment(http, clients, folder);
        try
        {
            DevChainTimeControl time = await DevChainTimeControl.StoppedAsync(rpc, Cancel);
            foreach (ISigner signer in signers)
            {
                await rpc.CallAsync("anvil_setBalance", [signer.Address.ToLowerHex(), "0x56bc75e2d63100000000"], Cancel);
            }

            ISigner deployer = signers.First(s => s.Address == options.GenesisUsers[0].Address);
            using var manifest = new ContractDeployer(clients.For(deployer), Path.Combine(folder, "procurement.json"), AnvilNode.ChainId);
            ProcurementContracts contracts = await ProcurementContracts.DeployAsync(clients.For(deployer), manifest, options, Cancel);
            return (new ProcurementEthereumAdapter(clients, contracts), time, owner);
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }

    private sealed class KeptOpen : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
