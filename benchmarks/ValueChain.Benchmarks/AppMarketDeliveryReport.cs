using System.Diagnostics;
using ValueChain.AppMarket;
using ValueChain.AppMarket.Tests.Mqtt;

namespace ValueChain.Benchmarks;

/// <summary>
/// AppMarket delivery end to end on the embedded ledger with a real Mosquitto (the broker runs as its own process, so
/// BenchmarkDotNet's process-per-benchmark model does not suit it; this is a report mode like <see cref="LedgerScaleReport"/>):
/// one install of a 1 MiB app (request on the ledger → fetched from the warehouse and verified → chunks over MQTT,
/// each verified on arrival → the agent verifies, stages, commits → its signed report on the ledger), sequentially on
/// fresh devices, with p50 / p90 / max; then a remote update of 100 in-process agents over one broker as a rollout in
/// waves of 25. The 100 000 usage reports of 1000 devices in at most 100 settlements are checked by
/// UsageBatcherTests (ValueChain.AppMarket.Tests).
/// Run: dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- appmarket-report [--installs N] [--agents N]
/// </summary>
internal static class AppMarketDeliveryReport
{
    private const string App = "vibration-monitor";
    private const int MiB = 1024 * 1024;

    // The SDK's default chunking (64 KiB, 8 at a time); a report timeout long enough for a loaded machine.
    private static readonly MqttDeliveryOptions Delivery = new() { ReportTimeout = TimeSpan.FromMinutes(2) };

    public static async Task RunAsync(int installs, int agents)
    {
        Console.WriteLine($"appmarket-report: embedded ledger, Mosquitto on loopback, {Environment.ProcessorCount} cores");
        await InstallAsync(installs);
        await RolloutAsync(agents);
    }

    private static async Task InstallAsync(int installs)
    {
        // One device more than measured: the first install warms up the JIT, the broker and the connections.
        await using MqttMarket m = await MqttMarket.StartAsync(CancellationToken.None, devices: installs + 1, delivery: Delivery);
        await m.PublishAsync("1.0.0", MqttMarket.Binary(MiB, 1), CancellationToken.None);
        await m.Iot.InstallAsync(m.DeviceIds[0], App);
        var times = new List<double>(installs);
        foreach (string id in m.DeviceIds.Skip(1))
        {
            long start = Stopwatch.GetTimestamp();
            DeliveryOutcome outcome = await m.Iot.InstallAsync(id, App);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The install on {id} ended {outcome.Outcome}.");
            }
        }

        times.Sort();
        Console.WriteLine($"install of a 1 MiB app end to end, {installs} sequential installs on fresh devices: " +
            $"p50 {Percentile(times, 0.5):F1} ms, p90 {Percentile(times, 0.9):F1} ms, max {times[^1]:F1} ms (goal: p50 < 150 ms)");
    }

    private static async Task RolloutAsync(int agents)
    {
        await using MqttMarket m = await MqttMarket.StartAsync(CancellationToken.None, devices: agents, delivery: Delivery);
        await m.PublishAsync("1.0.0", MqttMarket.Binary(MiB, 2), CancellationToken.None);
        foreach (string[] wave in m.DeviceIds.Chunk(25))
        {
            await Task.WhenAll(wave.Select(id => m.Iot.InstallAsync(id, App)));
        }

        await m.PublishAsync("1.1.0", MqttMarket.Binary(MiB, 3), CancellationToken.None);
        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<DeliveryOutcome> outcomes = await m.Iot.RolloutAsync(m.DeviceIds, App, AppVersion.Parse("1.1.0"), waveSize: 25, failureThreshold: 0.1);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        int updated = outcomes.Count(o => o.Succeeded);
        Console.WriteLine($"rollout of a 1 MiB update to {agents} in-process agents over one Mosquitto, waves of 25: " +
            $"{updated} of {agents} updated in {elapsed.TotalSeconds:F2} s (goal: < 10 s)");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
