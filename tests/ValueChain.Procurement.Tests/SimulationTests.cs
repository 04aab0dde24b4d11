using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Testing;

namespace ValueChain.Procurement.Tests;

public sealed class SimulationTests
{
    private static (IProcurementContract, ILedgerTimeControl, IAsyncDisposable) Embedded(ProcurementOptions options, IReadOnlyList<ISigner> _)
    {
        var ledger = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 500, Clock = new ManualLedgerClock(MarketLedger.Start) }, [new ProcurementChaincode(options)]);
        return (new ProcurementChaincodeAdapter(ledger), ledger, ledger);
    }

    [Fact]
    public async Task The_default_case_study_runs_more_than_1000_transactions_and_conserves_tokens()
    {
        ProcurementSimulationResult result = await ProcurementSimulation.RunAsync(new ProcurementScenario(), Embedded, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Transactions > 1000, $"{result.Transactions} transactions");
        Assert.True(result.TokensConserved);
        Assert.True(result.Orders > 50, $"{result.Orders} orders");
        Assert.Equal(result.Orders, result.Suppliers.Sum(s => s.OrdersWon));
        Assert.Equal(10, result.Suppliers.Count);
        Assert.Equal(10 * 10, result.Ratings.Count);
        Assert.Equal(result.Transactions, result.Stages.Sum(s => s.Transactions));
        Assert.All(result.Suppliers.Where(s => s.Evaluation.HasHistory), s => Assert.InRange(s.Evaluation.OnTimeRate!.Value, 0, 10_000));
    }

    // The guard of every change that makes the case study faster: the default run decides exactly what it decided
    // before (orders, winners, ratings day by day, every final balance); VALUECHAIN_UPDATE_GOLDEN=1 rewrites the file.
    [Fact]
    public async Task The_default_case_study_decides_the_recorded_outcome()
    {
        InMemoryLedger? ledger = null;
        IReadOnlyList<ISigner> signers = [];
        (IProcurementContract, ILedgerTimeControl, IAsyncDisposable) Start(ProcurementOptions options, IReadOnlyList<ISigner> cast)
        {
            (IProcurementContract market, ILedgerTimeControl time, IAsyncDisposable owner) = Embedded(options, cast);
            (ledger, signers) = ((InMemoryLedger)owner, cast);
            return (market, time, new KeptOpen());
        }

        ProcurementSimulationResult result = await ProcurementSimulation.RunAsync(new ProcurementScenario(), Start, cancellationToken: TestContext.Current.CancellationToken);
        await using InMemoryLedger market = ledger!;
        string outcome = await CaseStudyOutcome.DescribeAsync(result, new ProcurementChaincodeAdapter(market), signers);

        string path = Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.Procurement.Tests", "Golden", "case-study.default.txt");
        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(path, outcome, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"The golden file {path} is missing; run the test once with VALUECHAIN_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), outcome);
    }

    // The run disposes what the starter hands it; the test reads the balances afterwards and disposes the ledger itself.
    private sealed class KeptOpen : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
