using System.Diagnostics;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Benchmarks;

/// <summary>
/// Figures BenchmarkDotNet cannot give directly: the memory a ledger holds per million committed
/// five-key transactions, and the latency distribution of single submissions.
/// Run: dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ledger-report
/// </summary>
internal static class LedgerReport
{
    public static async Task RunAsync()
    {
        await MemoryAsync(transactions: 200_000);
        await LatencyAsync(blockSize: 1, count: 2_000);
        await LatencyAsync(blockSize: 500, count: 2_000);
    }

    private static async Task MemoryAsync(int transactions)
    {
        await using InMemoryLedger ledger = LedgerWorkload.Open(blockSize: 500);
        long before = Retained();
        var clock = Stopwatch.StartNew();
        for (int done = 0; done < transactions; done += 20_000)
        {
            SignedTransaction[] batch = LedgerWorkload.PreSign(ledger, 20_000, keys: 5);
            clock.Start();
            await Task.WhenAll(batch.Select(t => ledger.SubmitTransactionAsync(t)));
            clock.Stop();
        }

        long retained = Retained() - before;
        Console.WriteLine($"memory: {transactions:N0} five-key transactions in {ledger.Height:N0} blocks retain {retained / 1048576.0:N1} MiB " +
            $"= {retained / (double)transactions:N0} bytes per transaction = {retained / 1048576.0 * 1_000_000 / transactions:N0} MiB per million; " +
            $"submitted at {transactions / clock.Elapsed.TotalSeconds:N0} tx/s (pre-signed, blocks of 500)");
    }

    private static async Task LatencyAsync(int blockSize, int count)
    {
        await using InMemoryLedger ledger = LedgerWorkload.Open(blockSize);
        SignedTransaction[] signed = LedgerWorkload.PreSign(ledger, count, keys: 5);
        var latencies = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await ledger.SubmitTransactionAsync(signed[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(latencies);
        double P(double q) => latencies[(int)Math.Min(count - 1, q * count)];
        Console.WriteLine($"latency, one at a time, blocks of {blockSize}: p50 {P(0.50):N0} µs, p90 {P(0.90):N0} µs, p99 {P(0.99):N0} µs, max {latencies[^1]:N0} µs");
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
