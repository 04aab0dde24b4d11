namespace ValueChain.Procurement;

/// <summary>The outcome of one simulated case study.</summary>
/// <param name="Scenario">The run's parameters.</param>
/// <param name="Transactions">Every transaction committed.</param>
/// <param name="WallTime">The whole run's real time.</param>
/// <param name="Orders">Orders placed.</param>
/// <param name="Cancelled">Orders cancelled and refunded.</param>
/// <param name="Stages">Per stage: transactions, time, throughput.</param>
/// <param name="Suppliers">Per supplier: behaviour, final evaluation, orders won and share.</param>
/// <param name="Ratings">Every supplier's rate at the end of every day.</param>
/// <param name="TokensConserved">True when all tokens are still held by the participants and the escrow, and the escrow is balanced.</param>
public sealed record ProcurementSimulationResult(
    ProcurementScenario Scenario,
    int Transactions,
    TimeSpan WallTime,
    int Orders,
    int Cancelled,
    IReadOnlyList<ProcurementStageFigures> Stages,
    IReadOnlyList<SupplierOutcome> Suppliers,
    IReadOnlyList<RatingSample> Ratings,
    bool TokensConserved)
{
    /// <summary>Transactions per second over the whole run.</summary>
    public double TransactionsPerSecond => WallTime > TimeSpan.Zero ? Transactions / WallTime.TotalSeconds : 0;
}
