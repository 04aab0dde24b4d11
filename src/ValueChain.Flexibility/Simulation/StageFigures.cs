namespace ValueChain.Flexibility;

/// <summary>How one stage of a simulated round went on the ledger.</summary>
/// <param name="Stage">Offering, Bidding, ContractCreation or Payment.</param>
/// <param name="Transactions">How many transactions it took.</param>
/// <param name="WallTime">How long they took to commit, in real time.</param>
/// <param name="FitsWindow">True when they committed within the stage's window before its gate closes (4 minutes by default).</param>
public sealed record StageFigures(string Stage, int Transactions, TimeSpan WallTime, bool FitsWindow)
{
    /// <summary>Transactions per second.</summary>
    public double TransactionsPerSecond => WallTime > TimeSpan.Zero ? Transactions / WallTime.TotalSeconds : 0;
}
