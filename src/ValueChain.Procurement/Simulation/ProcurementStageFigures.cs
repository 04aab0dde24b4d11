namespace ValueChain.Procurement;

/// <summary>How one stage of the simulated case study went on the ledger.</summary>
/// <param name="Stage">Setup, Consumption, Ordering, Delivery or Maintenance.</param>
/// <param name="Transactions">Transactions it committed.</param>
/// <param name="WallTime">The real time its calls took (reads included).</param>
public sealed record ProcurementStageFigures(string Stage, int Transactions, TimeSpan WallTime)
{
    /// <summary>Transactions per second.</summary>
    public double TransactionsPerSecond => WallTime > TimeSpan.Zero ? Transactions / WallTime.TotalSeconds : 0;
}
