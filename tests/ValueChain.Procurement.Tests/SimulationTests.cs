using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Procurement.Tests;

public sealed class SimulationTests
{
    private static (IProcurementContract, ILedgerTimeControl, IAsyncDisposable) Embedded(ProcurementOptions options, IReadOnlyList<ISigner> _)
    {
        var ledger = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open, Clock = new ManualLedgerClock(MarketLedger.Start) }, [new ProcurementChaincode(options)]);
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
}
