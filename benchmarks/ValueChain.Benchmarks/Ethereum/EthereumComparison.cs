using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ValueChain.Benchmarks.Contracts;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Benchmarks;

/// <summary>
/// The side-by-side figures of the Ethereum driver: the same calls of the test contract made by
/// ValueChain, by Nethereum 6.1 and by ethers v6 (the reference client, pinned in tools/) against the
/// same anvil in the same run, the three taking turns round by round: throughput of concurrent view
/// calls (<c>counter()</c>, eth_call) and of pipelined transactions (<c>increment()</c>, all receipts
/// awaited), latency of sequential transactions (send, wait for the receipt, next), and, for the two
/// .NET clients, bytes allocated per call. BenchmarkDotNet cannot run JavaScript, so this runner times
/// every side the same way: from the first request to the last answer.
/// </summary>
internal static class EthereumComparison
{
    private static readonly string[] Sides = ["ValueChain", "Nethereum 6.1", "ethers v6"];

    public static async Task RunAsync(int calls = 1000, int pipelined = 1000, int sequential = 200, int rounds = 3)
    {
        await using ProbeNetwork network = await ProbeNetwork.StartAsync();
        Console.WriteLine($"anvil {network.Endpoint}, contract {network.Contract}; {rounds} rounds of {calls} concurrent view calls, {pipelined} pipelined and {sequential} sequential transactions per client");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

        var sides = new Dictionary<string, SideFigures>();
        foreach (string side in Sides)
        {
            sides[side] = new SideFigures();
        }

        // Warm-up: JIT, connections, ethers' and Nethereum's first-use paths.
        foreach (string side in Sides)
        {
            Console.Error.WriteLine($"warm-up: {side}");
            await SequentialAsync(network, side, 20);
            await CallsAsync(network, side, 50);
        }

        for (int round = 1; round <= rounds; round++)
        {
            // A different order each round, so that no side always runs on the node's freshest state.
            foreach (string side in Sides.Skip(round % Sides.Length).Concat(Sides.Take(round % Sides.Length)))
            {
                Console.Error.WriteLine($"round {round}: {side}");
                SideFigures figures = sides[side];
                Measured view = await CallsAsync(network, side, calls);
                figures.CallRate.Add(calls / view.Seconds);
                figures.CallBytes.Add(view.BytesPerCall);
                Measured sends = await PipelinedAsync(network, side, pipelined);
                figures.SendRate.Add(pipelined / sends.Seconds);
                figures.SendBytes.Add(sends.BytesPerCall);
                (List<double> latencies, double bytes) = await SequentialAsync(network, side, sequential);
                figures.Latency.AddRange(latencies);
                figures.SequentialBytes.Add(bytes);
            }

            Console.WriteLine($"round {round}: " + string.Join(", ", Sides.Select(s => $"{s} {sides[s].CallRate[^1]:0} calls/s, {sides[s].SendRate[^1]:0} tx/s")));
        }

        SideFigures ours = sides[Sides[0]], nethereum = sides[Sides[1]], ethers = sides[Sides[2]];
        Console.WriteLine();
        Console.WriteLine("| figure | ValueChain | Nethereum 6.1 | ethers v6 | ValueChain / Nethereum |");
        Console.WriteLine("|---|---|---|---|---|");
        Row($"view calls, {calls} concurrent (median of {rounds})", ours.CallRate, nethereum.CallRate, ethers.CallRate, "calls/s", "0");
        Row($"transactions, {pipelined} pipelined (median of {rounds})", ours.SendRate, nethereum.SendRate, ethers.SendRate, "tx/s", "0");
        Row($"send and wait, median of {ours.Latency.Count}", ours.Latency, nethereum.Latency, ethers.Latency, "ms", "0.0");
        Row($"send and wait, p90", [Percentile(ours.Latency, 0.9)], [Percentile(nethereum.Latency, 0.9)], [Percentile(ethers.Latency, 0.9)], "ms", "0.0");
        Row("allocated per view call", ours.CallBytes, nethereum.CallBytes, null, "B", "0");
        Row("allocated per pipelined transaction", ours.SendBytes, nethereum.SendBytes, null, "B", "0");
        Row("allocated per sequential transaction", ours.SequentialBytes, nethereum.SequentialBytes, null, "B", "0");
    }

    private static void Row(string figure, List<double> ours, List<double> nethereum, List<double>? ethers, string unit, string format)
    {
        string Cell(List<double>? values) => values is null ? "n/a" : $"{Median(values).ToString(format, CultureInfo.InvariantCulture)} {unit}";
        Console.WriteLine($"| {figure} | {Cell(ours)} | {Cell(nethereum)} | {Cell(ethers)} | {(Median(ours) / Median(nethereum)).ToString("0.00", CultureInfo.InvariantCulture)}× |");
    }

    private static async Task<Measured> CallsAsync(ProbeNetwork network, string side, int count)
    {
        (BindingsProbe probe, PrivateKey key) = await network.FundedProbeAsync(network.Contract);
        switch (side)
        {
            case "ValueChain":
                return await MeasureAsync(count, async () =>
                {
                    var values = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => probe.CounterAsync()));
                    return values.Length == count;
                });
            case "Nethereum 6.1":
                var theirs = new NethereumProbe(network.Endpoint, key, network.Contract);
                return await MeasureAsync(count, async () =>
                {
                    var values = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => theirs.CounterAsync()));
                    return values.Length == count;
                });
            default:
                return new Measured((await EthersAsync(network, key, "calls", count)).GetProperty("seconds").GetDouble(), double.NaN);
        }
    }

    private static async Task<Measured> PipelinedAsync(ProbeNetwork network, string side, int count)
    {
        (BindingsProbe probe, PrivateKey key) = await network.FundedProbeAsync(network.Contract);
        switch (side)
        {
            case "ValueChain":
                return await MeasureAsync(count, async () =>
                    (await Task.WhenAll(Enumerable.Range(0, count).Select(_ => probe.IncrementAsync()))).All(r => r.Succeeded));
            case "Nethereum 6.1":
                var theirs = new NethereumProbe(network.Endpoint, key, network.Contract);
                return await MeasureAsync(count, async () =>
                    (await Task.WhenAll(Enumerable.Range(0, count).Select(_ => theirs.IncrementAsync()))).All(succeeded => succeeded));
            default:
                return new Measured((await EthersAsync(network, key, "pipelined", count)).GetProperty("seconds").GetDouble(), double.NaN);
        }
    }

    private static async Task<(List<double> PerCallMs, double BytesPerCall)> SequentialAsync(ProbeNetwork network, string side, int count)
    {
        (BindingsProbe probe, PrivateKey key) = await network.FundedProbeAsync(network.Contract);
        Func<Task<bool>> call;
        switch (side)
        {
            case "ValueChain":
                call = async () => (await probe.IncrementAsync()).Succeeded;
                break;
            case "Nethereum 6.1":
                var theirs = new NethereumProbe(network.Endpoint, key, network.Contract);
                call = theirs.IncrementAsync;
                break;
            default:
                return ((await EthersAsync(network, key, "sequential", count)).GetProperty("perCallMs").EnumerateArray().Select(e => e.GetDouble()).ToList(), double.NaN);
        }

        var perCall = new List<double>(count);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            bool succeeded = await call();
            perCall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!succeeded)
            {
                throw new InvalidOperationException($"a {side} call failed");
            }
        }

        return (perCall, (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count);
    }

    // Allocations are counted process-wide (the sends' continuations run on pool threads), with only the measured side running.
    private static async Task<Measured> MeasureAsync(int count, Func<Task<bool>> run)
    {
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        bool succeeded = await run();
        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return succeeded ? new Measured(seconds, allocated / (double)count) : throw new InvalidOperationException("a call failed");
    }

    private static async Task<JsonElement> EthersAsync(ProbeNetwork network, PrivateKey key, string mode, int count)
    {
        string script = Path.Combine(RepositoryPaths.Root, "benchmarks", "ethers", "send-bench.mjs");
        (int exitCode, string output, string error) = await ChildProcess.RunAsync(
            "node", script, network.Endpoint.ToString(), Hex.Encode(key.ToBytes()), network.Contract.ToString(), ProbeNetwork.AbiPath, mode, count.ToString(CultureInfo.InvariantCulture));
        return exitCode == 0
            ? JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone()
            : throw new InvalidOperationException($"ethers ({mode}) failed; is tools/ installed (npm ci)?\n{output}{error}");
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(fraction * sorted.Length))];
    }

    private sealed record Measured(double Seconds, double BytesPerCall);

    private sealed class SideFigures
    {
        public List<double> CallRate { get; } = [];

        public List<double> CallBytes { get; } = [];

        public List<double> SendRate { get; } = [];

        public List<double> SendBytes { get; } = [];

        public List<double> Latency { get; } = [];

        public List<double> SequentialBytes { get; } = [];
    }
}
