using BenchmarkDotNet.Attributes;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Benchmarks;

/// <summary>
/// Signed transactions per second through the embedded ledger, end to end: submit, signature check,
/// execution, block sealing and signing, receipt. One operation is one transaction.
/// </summary>
[MemoryDiagnoser]
public class LedgerThroughputBenchmarks
{
    private const int Transactions = 4_000;

    private InMemoryLedger _ledger = null!;
    private SignedTransaction[] _signed = [];
    private int _batch;

    /// <summary>Keys written per transaction: 1 (trivial) or 5.</summary>
    [Params(1, 5)]
    public int Keys { get; set; }

    /// <summary>Transactions per block: 1 (a block per transaction) or 500 (blocks by size).</summary>
    [Params(1, 500)]
    public int BlockSize { get; set; }

    [GlobalSetup]
    public void Setup() => _ledger = LedgerWorkload.Open(BlockSize);

    [GlobalCleanup]
    public void Cleanup() => _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(PreSigned))]
    public void SignBatch() => _signed = LedgerWorkload.PreSign(_ledger, Transactions, Keys);

    /// <summary>Transactions signed beforehand by 16 accounts, submitted all at once.</summary>
    [Benchmark(OperationsPerInvoke = Transactions)]
    public Task PreSigned() => Task.WhenAll(_signed.Select(t => _ledger.SubmitTransactionAsync(t)));

    /// <summary>16 accounts sign and submit concurrently: signing is inside the measurement.</summary>
    [Benchmark(OperationsPerInvoke = Transactions)]
    public Task SignAndSubmit()
    {
        int batch = Interlocked.Increment(ref _batch);
        return Task.WhenAll(LedgerWorkload.Signers.Select((signer, a) => Task.Run(async () =>
        {
            for (int i = 0; i < Transactions / LedgerWorkload.Accounts; i++)
            {
                await _ledger.SubmitAsync(signer, LedgerWorkload.Invocation(Keys, a, batch * Transactions + i));
            }
        })));
    }
}
