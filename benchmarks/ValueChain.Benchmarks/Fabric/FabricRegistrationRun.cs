using System.Diagnostics;
using ValueChain.Conformance.Traceability;
using ValueChain.Ledger.Fabric;
using ValueChain.Ledger.Fabric.Testing;
using ValueChain.Traceability;

namespace ValueChain.Benchmarks;

/// <summary>
/// Part registration on a live Fabric network (VALUECHAIN_FABRIC_NETWORK, see the README): submit
/// latency one transaction at a time (endorse, order, commit seen), then throughput with many
/// submits in flight, then 1000 parts in batched transactions. Run: <c>-- fabric-registration</c>.
/// </summary>
internal static class FabricRegistrationRun
{
    private static readonly Location Plant = new(new GeoPoint(48_137_154, 11_576_124), "Plant Munich");

    public static async Task RunAsync(int sequential = 200, int concurrent = 1000, int inFlight = 100)
    {
        LiveFabricSettings settings = LiveFabricSettings.FromEnvironment() ?? throw new InvalidOperationException(LiveFabricSettings.SkipReason);
        await using LiveFabricNetwork network = await LiveFabricNetwork.StartAsync(settings);
        await network.EnrollAsync(TraceabilityActors.All);
        await using FabricClient client = network.NewClient();
        string name = await network.DeployAsync(client, new TraceabilityChaincode(TraceabilityActors.Options()));
        var chain = new TraceabilityChaincodeAdapter(new FabricContractGateway(client, network.Wallet, new Dictionary<string, string> { [TraceabilityChaincode.ChaincodeName] = name }));
        await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("WARM-UP", "PN-1", "B-0")], Plant);

        var latencies = new List<double>();
        for (int i = 0; i < sequential; i++)
        {
            var clock = Stopwatch.StartNew();
            await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration($"SEQ-{i}", "PN-1", "B-1")], Plant);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine($"one at a time: {sequential} registrations, latency median {latencies[sequential / 2]:0.0} ms, p95 {latencies[sequential * 95 / 100]:0.0} ms, max {latencies[^1]:0.0} ms ({sequential / (latencies.Sum() / 1000):0.0} tx/s)");

        using var gate = new SemaphoreSlim(inFlight);
        var total = Stopwatch.StartNew();
        TraceabilityReceipt[] receipts = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration($"PAR-{i}", "PN-1", "B-2")], Plant);
            }
            finally
            {
                gate.Release();
            }
        }));
        double seconds = total.Elapsed.TotalSeconds;
        Console.WriteLine($"{inFlight} in flight: {concurrent} single-part registrations in {seconds:0.00} s = {concurrent / seconds:0} tx/s; blocks {receipts.Min(r => r.BlockNumber)}..{receipts.Max(r => r.BlockNumber)}");

        total.Restart();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(b => chain.RegisterPartsAsync(TraceabilityActors.Tier2a,
            [.. Enumerable.Range(0, 100).Select(i => new PartRegistration($"BAT-{b}-{i}", "PN-1", "B-3"))], Plant)));
        Console.WriteLine($"batched: 1000 parts in 10 transactions of 100 in {total.Elapsed.TotalSeconds:0.00} s");
    }
}
