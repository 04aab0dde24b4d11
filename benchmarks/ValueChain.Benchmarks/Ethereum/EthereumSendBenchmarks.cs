using BenchmarkDotNet.Attributes;
using ValueChain.Benchmarks.Contracts;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.Benchmarks;

/// <summary>
/// The Ethereum driver against a local anvil (automine): one contract call sent and its receipt awaited,
/// and 100 calls pipelined from one account. The side-by-side figure against ethers v6 is
/// <see cref="EthereumComparison"/> (<c>-- ethereum-side-by-side</c>, with Nethereum and ethers), since BenchmarkDotNet cannot run JavaScript.
/// </summary>
[MemoryDiagnoser]
public class EthereumSendBenchmarks
{
    private const int Pipelined = 100;
    private ProbeNetwork _network = null!;
    private BindingsProbe _probe = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _network = await ProbeNetwork.StartAsync();
        (_probe, _) = await _network.FundedProbeAsync(_network.Contract);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _network.DisposeAsync();

    /// <summary>Estimate, send, wait for the receipt.</summary>
    [Benchmark]
    public Task<TransactionReceipt> SequentialCall() => _probe.IncrementAsync();

    /// <summary>Per call, when 100 calls are sent at once and all receipts awaited.</summary>
    [Benchmark(OperationsPerInvoke = Pipelined)]
    public Task<TransactionReceipt[]> PipelinedCalls() => Task.WhenAll(Enumerable.Range(0, Pipelined).Select(_ => _probe.IncrementAsync()));

    /// <summary>A view call (eth_call) decoded through the binding.</summary>
    [Benchmark]
    public Task<UInt256> ViewCall() => _probe.CounterAsync();
}
