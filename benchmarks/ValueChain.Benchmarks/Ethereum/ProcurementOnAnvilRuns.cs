using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ValueChain.Procurement;

namespace ValueChain.Benchmarks;

/// <summary>
/// <c>procurement-anvil-runs N</c>: the default case study on one anvil N times in one process, as the benchmark runs it,
/// printing each run's time, its stages, the CPU time of this process and of anvil, and the JSON-RPC requests it made by
/// method (to see what a run costs, and whether later runs cost more or leave anything asking the node).
/// </summary>
internal static class ProcurementOnAnvilRuns
{
    public static async Task RunAsync(int runs, bool revert = false)
    {
        var counter = new RequestCounter();
        var bench = new ProcurementCaseStudyOnAnvilBenchmarks(counter);
        await bench.StartAnvilAsync();
        try
        {
            for (int run = 1; run <= runs; run++)
            {
                string? snapshot = revert ? await bench.SnapshotAsync() : null;
                counter.Reset();
                var clock = Stopwatch.StartNew();
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                TimeSpan anvilCpu = AnvilCpu();
                ProcurementSimulationResult result = await bench.RunCaseStudyAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {clock.Elapsed.TotalSeconds:0.00} s, {result.Transactions} transactions, {counter.Posts} posts, CPU here {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s, anvil {(AnvilCpu() - anvilCpu).TotalSeconds:0.00} s, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
                Console.WriteLine("  stages: " + string.Join(", ", result.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Transactions} tx {s.WallTime.TotalSeconds:0.00} s"))));
                Console.WriteLine("  requests: " + string.Join(", ", counter.ByMethod.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}")));

                if (snapshot is not null)
                {
                    await bench.RevertAsync(snapshot);
                }

                // Nothing of a finished run may keep asking the node.
                counter.Reset();
                await Task.Delay(TimeSpan.FromSeconds(2));
                Console.WriteLine("  requests in the 2 s after the run: " + (counter.ByMethod.IsEmpty ? "none" : string.Join(", ", counter.ByMethod.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"))));
            }
        }
        finally
        {
            await bench.StopAnvilAsync();
        }
    }

    // The CPU time of the anvil this process started (utime + stime of /proc/PID/stat, in clock ticks of 10 ms).
    private static TimeSpan AnvilCpu()
    {
        foreach (Process process in Process.GetProcessesByName("anvil"))
        {
            string[] stat = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (stat[1] == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            {
                return TimeSpan.FromMilliseconds(10 * (long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture)));
            }
        }

        return TimeSpan.Zero;
    }

    private sealed class RequestCounter : DelegatingHandler
    {
        private ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);
        private int _posts;

        public RequestCounter() => InnerHandler = new SocketsHttpHandler();

        public ConcurrentDictionary<string, int> ByMethod => _byMethod;

        public int Posts => _posts;

        public void Reset() => (_byMethod, _posts) = (new(StringComparer.Ordinal), 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _posts);
            using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            IEnumerable<JsonElement> calls = body.RootElement.ValueKind == JsonValueKind.Array ? body.RootElement.EnumerateArray() : [body.RootElement];
            foreach (JsonElement call in calls)
            {
                _byMethod.AddOrUpdate(call.GetProperty("method").GetString()!, 1, (_, n) => n + 1);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
