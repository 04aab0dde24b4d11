using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ValueChain.Benchmarks.Contracts;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Benchmarks;

/// <summary>
/// The side-by-side figure of the Ethereum driver: the same contract call (<c>increment()</c> of the test
/// contract) sent by ValueChain and by ethers v6 (the reference client, pinned in tools/) to the same
/// anvil in the same run, alternating round by round: throughput of pipelined calls and latency of
/// sequential calls (send, wait for the receipt, next). BenchmarkDotNet cannot run JavaScript, so this
/// runner times both sides the same way: from the first send to the last receipt.
/// </summary>
internal static class EthersComparison
{
    public static async Task RunAsync(int pipelined = 1000, int sequential = 200, int rounds = 3)
    {
        await using ProbeNetwork network = await ProbeNetwork.StartAsync();
        Console.WriteLine($"anvil {network.Endpoint}, contract {network.Contract}; {rounds} rounds of {pipelined} pipelined and {sequential} sequential calls each");
        await OursSequentialAsync(network, 20); // warm-up: JIT, connections
        await EthersAsync(network, "sequential", 20);

        var oursRate = new List<double>();
        var ethersRate = new List<double>();
        var oursLatency = new List<double>();
        var ethersLatency = new List<double>();
        for (int round = 1; round <= rounds; round++)
        {
            ethersRate.Add(pipelined / (await EthersAsync(network, "pipelined", pipelined)).GetProperty("seconds").GetDouble());
            oursRate.Add(pipelined / await OursPipelinedAsync(network, pipelined));
            ethersLatency.AddRange((await EthersAsync(network, "sequential", sequential)).GetProperty("perCallMs").EnumerateArray().Select(e => e.GetDouble()));
            oursLatency.AddRange(await OursSequentialAsync(network, sequential));
            Console.WriteLine($"round {round}: pipelined ours {oursRate[^1]:0} calls/s, ethers {ethersRate[^1]:0} calls/s");
        }

        Console.WriteLine();
        Console.WriteLine($"| figure | ValueChain | ethers v6 | ratio |");
        Console.WriteLine($"|---|---|---|---|");
        Console.WriteLine($"| throughput, {pipelined} pipelined calls (median of {rounds}) | {Median(oursRate):0} calls/s | {Median(ethersRate):0} calls/s | {Median(oursRate) / Median(ethersRate):0.00}× |");
        Console.WriteLine($"| sequential latency, median of {oursLatency.Count} | {Median(oursLatency):0.0} ms | {Median(ethersLatency):0.0} ms | {Median(oursLatency) / Median(ethersLatency):0.00}× |");
        Console.WriteLine($"| sequential latency, p90 | {Percentile(oursLatency, 0.9):0.0} ms | {Percentile(ethersLatency, 0.9):0.0} ms | {Percentile(oursLatency, 0.9) / Percentile(ethersLatency, 0.9):0.00}× |");
    }

    private static async Task<double> OursPipelinedAsync(ProbeNetwork network, int count)
    {
        (BindingsProbe probe, _) = await network.FundedProbeAsync(network.Contract);
        var clock = Stopwatch.StartNew();
        var receipts = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => probe.IncrementAsync()));
        double seconds = clock.Elapsed.TotalSeconds;
        return receipts.All(r => r.Succeeded) ? seconds : throw new InvalidOperationException("a call failed");
    }

    private static async Task<List<double>> OursSequentialAsync(ProbeNetwork network, int count)
    {
        (BindingsProbe probe, _) = await network.FundedProbeAsync(network.Contract);
        var perCall = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var receipt = await probe.IncrementAsync();
            perCall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!receipt.Succeeded)
            {
                throw new InvalidOperationException("a call failed");
            }
        }

        return perCall;
    }

    private static async Task<JsonElement> EthersAsync(ProbeNetwork network, string mode, int count)
    {
        (_, PrivateKey key) = await network.FundedProbeAsync(network.Contract);
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
}
