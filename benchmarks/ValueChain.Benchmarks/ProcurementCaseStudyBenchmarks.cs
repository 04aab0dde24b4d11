using BenchmarkDotNet.Attributes;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Procurement;

namespace ValueChain.Benchmarks;

/// <summary>
/// The published procurement case study end to end on the embedded ledger: 10 companies, 50 machines, 10 quotations,
/// 10 days (about 1 500 transactions, with every read the machine agents make). The target: under 1 second. The ledger
/// is set up as <c>valuechain simulate procurement</c> sets it up: blocks of up to 500 transactions, which the
/// simulation fills by sending each stage's independent transactions together.
/// </summary>
public class ProcurementCaseStudyBenchmarks
{
    [Benchmark]
    public async Task<int> DefaultCaseStudy() =>
        (await ProcurementSimulation.RunAsync(new ProcurementScenario(), Embedded)).Transactions;

    private static (IProcurementContract, ILedgerTimeControl, IAsyncDisposable) Embedded(ProcurementOptions options, IReadOnlyList<ISigner> _)
    {
        var ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)) },
            [new ProcurementChaincode(options)]);
        return (new ProcurementChaincodeAdapter(ledger), ledger, ledger);
    }
}
