using System.Diagnostics;
using System.Globalization;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Benchmarks;

/// <summary>
/// The embedded ledger at scale, persisted: N five-key transactions (the <see cref="LedgerReport"/>
/// workload: batches of 20 000 pre-signed transactions over 16 accounts, each batch writing the same
/// 100 000 keys again, so history grows with N and the live state does not) plus one event-emitting
/// transaction per 100, in blocks of 500. Reports throughput against the in-memory ledger in the same
/// process, resident memory against the live state, reopen time with a checkpoint, and the p99 of
/// key-history and events-by-range queries on the grown ledger. Several sizes (<c>1000000,5000000,10000000</c>)
/// grow one ledger in steps and measure at each, so one run gives every size's figures.
/// Run: dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ledger-report --transactions 1000000[,5000000,…] [--data DIR]
/// </summary>
internal static class LedgerScaleReport
{
    private const int Batch = 20_000, BlockSize = 500, Keys = 5;

    public static async Task RunAsync(IReadOnlyList<long> sizes, string? dataDirectory)
    {
        string directory = dataDirectory ?? Directory.CreateTempSubdirectory("valuechain-scale-").FullName;
        Console.WriteLine($"ledger-report at scale: {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} five-key transactions, blocks of {BlockSize}, data in {directory}; {Load()}");
        try
        {
            await CompareThroughputAsync(directory, (int)Math.Min(100_000, sizes[0]));
            long done = 0;
            foreach (long size in sizes.Where(s => s > 0).Order())
            {
                long resident = await GrowAsync(directory, done, size);
                done = size;
                await ReopenAndQueryAsync(directory, resident);
            }
        }
        finally
        {
            if (dataDirectory is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    // The same transactions (100 000 at most) on today's in-memory ledger and on the persisted one, in
    // alternating batches in one process, so that the load of a shared machine falls on both alike.
    private static async Task CompareThroughputAsync(string directory, int count)
    {
        string scratch = Path.Combine(directory, "throughput");
        var memoryClock = new Stopwatch();
        var diskClock = new Stopwatch();
        await using (InMemoryLedger memory = LedgerWorkload.Open(BlockSize))
        await using (InMemoryLedger disk = LedgerWorkload.Open(BlockSize, scratch))
        {
            for (int done = 0; done < count; done += Batch / 2)
            {
                int size = Math.Min(Batch / 2, count - done);
                await SubmitAsync(memory, size, memoryClock);
                await SubmitAsync(disk, size, diskClock);
            }
        }

        Directory.Delete(scratch, recursive: true);
        double inMemory = count / memoryClock.Elapsed.TotalSeconds, persisted = count / diskClock.Elapsed.TotalSeconds;
        Console.WriteLine($"throughput, {count:N0} pre-signed five-key transactions in alternating batches: in memory {inMemory:N0} tx/s, " +
            $"persisted (block file + index + checkpoints) {persisted:N0} tx/s = {persisted / inMemory:P0}; {Load()}");
    }

    // Grows the ledger from `done` to `transactions` transactions (reopening it when it exists) and returns the resident memory at the end.
    private static async Task<long> GrowAsync(string directory, long done, long transactions)
    {
        string data = Path.Combine(directory, "ledger");
        var clock = new Stopwatch();
        long start = done;
        await using InMemoryLedger ledger = LedgerWorkload.Open(BlockSize, data);
        while (done < transactions)
        {
            int count = (int)Math.Min(Batch, transactions - done);
            SignedTransaction[] batch = LedgerWorkload.PreSign(ledger, count, Keys);
            SignedTransaction[] emits = EventTransactions(ledger, count / 100);
            clock.Start();
            await Task.WhenAll(batch.Concat(emits).Select(t => ledger.SubmitTransactionAsync(t)));
            clock.Stop();
            done += count;
            if (done % 500_000 == 0 || done == transactions)
            {
                Console.WriteLine($"  {done:N0} transactions, {ledger.Height:N0} blocks, {(done - start) / clock.Elapsed.TotalSeconds:N0} tx/s so far, resident {Resident() / 1048576.0:N0} MiB; {Load()}");
            }
        }

        long resident = Resident(), heap = Retained();
        Console.WriteLine($"grown: {done:N0} five-key transactions in {ledger.Height:N0} blocks at {(done - start) / clock.Elapsed.TotalSeconds:N0} tx/s sustained (persisted, from {start:N0}); " +
            $"resident {resident / 1048576.0:N0} MiB, managed heap {heap / 1048576.0:N0} MiB; block file {new FileInfo(Path.Combine(data, "blocks.vcl")).Length / 1048576.0:N0} MiB, index {new FileInfo(Path.Combine(data, "index.db")).Length / 1048576.0:N0} MiB");
        return resident;
    }

    private static EthereumSigner EventSigner { get; } = new(PrivateKey.FromBytes(Keccak256.Hash("benchmark events"u8).ToArray()));

    private static async Task ReopenAndQueryAsync(string directory, long residentAfterGrowth)
    {
        string data = Path.Combine(directory, "ledger");
        long before = Retained();
        var clock = Stopwatch.StartNew();
        await using InMemoryLedger ledger = LedgerWorkload.Open(BlockSize, data);
        clock.Stop();
        LedgerOpenReport report = ledger.OpenReport!;
        long liveState = Retained() - before;
        long liveBytes = LiveBytes(ledger);
        Console.WriteLine($"reopen: {clock.Elapsed.TotalSeconds:N2} s (checkpoint of block {report.CheckpointBlock?.ToString(CultureInfo.InvariantCulture) ?? "none"}, {report.ReplayedBlocks} blocks replayed and verified, {report.RejectedCheckpoints.Count} rejected); " +
            $"live state {liveState / 1048576.0:N1} MiB in memory ({liveBytes / 1048576.0:N1} MiB of keys and values); " +
            $"resident after growth {residentAfterGrowth / 1048576.0:N0} MiB = live state + {(residentAfterGrowth - liveState) / 1048576.0:N0} MiB; resident after reopen {Resident() / 1048576.0:N0} MiB");

        var random = new Random(22);
        double[] history = Time(2_000, () =>
        {
            int account = random.Next(LedgerWorkload.Accounts), index = random.Next(Batch / LedgerWorkload.Accounts) * LedgerWorkload.Accounts + account;
            _ = ledger.GetHistory(ConformanceChaincode.ChaincodeName, $"a{account}/{index}/{random.Next(Keys)}");
        });
        long height = ledger.Height;
        double[] events = Time(2_000, () =>
        {
            long from = random.NextInt64(1, Math.Max(2, height - 10));
            _ = ledger.GetEventsAsync(ConformanceChaincode.ChaincodeName, from, from + 9).GetAwaiter().GetResult();
        });
        int versions = ledger.GetHistory(ConformanceChaincode.ChaincodeName, "a0/0/0").Count;
        Console.WriteLine($"queries on {height:N0} blocks: key history ({versions} versions per key) p50 {P(history, 0.5):N0} µs, p99 {P(history, 0.99):N0} µs; " +
            $"events of 10 blocks p50 {P(events, 0.5):N0} µs, p99 {P(events, 0.99):N0} µs; {Load()}");
    }

    private static SignedTransaction[] EventTransactions(InMemoryLedger ledger, int count)
    {
        // An account of its own, so its nonces do not interleave with the workload's.
        ulong next = ledger.GetNextNonce(EventSigner.Address);
        EthereumSigner signer = EventSigner;
        var result = new SignedTransaction[count];
        for (int i = 0; i < count; i++)
        {
            var invocation = new ContractInvocation(ConformanceChaincode.ChaincodeName, "emit", $$$"""{"name":"Tick","payload":{"i":{{{i}}}}}""");
            var transaction = new LedgerTransaction(ledger.NetworkId, signer.Address, next + (ulong)i, invocation);
            result[i] = new SignedTransaction(transaction, signer.Sign(transaction.Hash));
        }

        return result;
    }

    private static long LiveBytes(InMemoryLedger ledger) =>
        ledger.Store.Snapshot.Keys.Sum(k => (long)System.Text.Encoding.UTF8.GetByteCount(k) + ledger.Store.Snapshot.Values[k].Length);

    private static async Task SubmitAsync(InMemoryLedger ledger, int count, Stopwatch clock)
    {
        SignedTransaction[] batch = LedgerWorkload.PreSign(ledger, count, Keys);
        clock.Start();
        await Task.WhenAll(batch.Select(t => ledger.SubmitTransactionAsync(t)));
        clock.Stop();
    }

    private static double[] Time(int count, Action query)
    {
        var micros = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            query();
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        return micros;
    }

    private static double P(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];

    // The machine is shared: the load average beside each figure says what it was measured under.
    private static string Load() => File.Exists("/proc/loadavg")
        ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores"
        : $"{Environment.ProcessorCount} cores";

    private static long Resident()
    {
        Retained();
        using Process self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
