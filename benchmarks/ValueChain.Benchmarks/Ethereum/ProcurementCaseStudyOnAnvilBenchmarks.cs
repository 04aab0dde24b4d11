using BenchmarkDotNet.Attributes;
using ValueChain.Ledger;
using ValueChain.Ledger.Ethereum;
using ValueChain.Procurement;
using ValueChain.Procurement.Ethereum;
using ValueChain.Testing;

namespace ValueChain.Benchmarks;

/// <summary>
/// The published procurement case study end to end on anvil: the marketplace's four contracts deployed afresh, then
/// 10 companies, 50 machines, 10 quotations and 10 days (about 1 500 transactions, each mined before the next, with
/// every read the machine agents make). The target: under 10 seconds. One run is seconds long: run it with a short
/// job, for example <c>--filter '*OnAnvil*' --job dry --inProcess</c>. Each iteration starts from the same node state.
/// </summary>
public class ProcurementCaseStudyOnAnvilBenchmarks
{
    private readonly AnvilNode _anvil = new();
    private readonly HttpMessageHandler? _handler;
    private HttpClient? _http;

    /// <summary>The benchmark as BenchmarkDotNet creates it.</summary>
    public ProcurementCaseStudyOnAnvilBenchmarks()
    {
    }

    /// <summary>The benchmark with its requests through <paramref name="handler"/> (which counts them, say).</summary>
    internal ProcurementCaseStudyOnAnvilBenchmarks(HttpMessageHandler handler) => _handler = handler;
    private JsonRpcClient? _rpc;

    [GlobalSetup]
    public async Task StartAnvilAsync()
    {
        await _anvil.InitializeAsync();
        _http = _handler is null ? new HttpClient() : new HttpClient(_handler);
        _rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = _anvil.Endpoint });
    }

    // Every run starts from the node state the first one had. A run deploys a fresh marketplace and leaves it in the
    // node's state, and anvil snapshots the whole state for every block it mines, so on one node each run cost more
    // than the one before (7.8, 9.0, 11.5, 14.3, 18.8, 20.7, 25.2, 32.9 s in one short job, load 6-9), whatever the
    // client did; reverted to the same state, six runs took 4.3-7.0 s each (procurement-anvil-runs 6 --revert).
    private string? _snapshot;

    [IterationSetup]
    public void TakeSnapshot() => _snapshot = SnapshotAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void RevertToSnapshot() => RevertAsync(_snapshot!).GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task StopAnvilAsync()
    {
        _http?.Dispose();
        await _anvil.DisposeAsync();
    }

    [Benchmark]
    public async Task<int> DefaultCaseStudy() => (await RunCaseStudyAsync()).Transactions;

    /// <summary>Takes a snapshot of the node's state (<c>evm_snapshot</c>), to revert to with <see cref="RevertAsync"/>.</summary>
    internal async Task<string> SnapshotAsync() => (await _rpc!.CallAsync("evm_snapshot", [])).GetString()!;

    /// <summary>Reverts the node to <paramref name="snapshot"/> (the chain, its state and its time).</summary>
    internal Task RevertAsync(string snapshot) => _rpc!.CallAsync("evm_revert", [snapshot]);

    /// <summary>One run of the default case study on the started anvil.</summary>
    internal Task<ProcurementSimulationResult> RunCaseStudyAsync() => ProcurementSimulation.RunAsync(new ProcurementScenario(), OnAnvilAsync);

    // A fresh deployment per run (its manifest in a temporary folder), the cast funded for gas; the operator deploys.
    // Ledger time moves only when the simulation moves it, as on the embedded ledger, so the run decides what it
    // decides there whatever its wall time.
    private async Task<(IProcurementContract, ILedgerTimeControl, IAsyncDisposable)> OnAnvilAsync(ProcurementOptions options, IReadOnlyList<ISigner> signers)
    {
        DevChainTimeControl time = await DevChainTimeControl.StoppedAsync(_rpc!);
        foreach (ISigner signer in signers)
        {
            await _rpc!.CallAsync("anvil_setBalance", [signer.Address.ToLowerHex(), "0x56bc75e2d63100000000"]);
        }

        var clients = new SignerClients(_rpc!, new EthereumClientOptions { ChainId = AnvilNode.ChainId }, new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        string folder = Directory.CreateTempSubdirectory("valuechain-procurement-bench-").FullName;
        ISigner deployer = signers.First(s => s.Address == options.GenesisUsers[0].Address);
        using var manifest = new ContractDeployer(clients.For(deployer), Path.Combine(folder, "procurement.json"), AnvilNode.ChainId);
        ProcurementContracts contracts = await ProcurementContracts.DeployAsync(clients.For(deployer), manifest, options);
        return (new ProcurementEthereumAdapter(clients, contracts), time, new Deployment(clients, folder));
    }

    private sealed class Deployment(SignerClients clients, string folder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            clients.Dispose();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
