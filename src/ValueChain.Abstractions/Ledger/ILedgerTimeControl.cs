namespace ValueChain.Ledger;

/// <summary>
/// Control of ledger time, for tests and simulations on ledgers that allow it (the embedded
/// ledger's manual clock, anvil's time-travel RPC), so that scenarios spanning days run in seconds.
/// </summary>
public interface ILedgerTimeControl
{
    /// <summary>The time the next transaction will see (never earlier than the last block's).</summary>
    Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves ledger time forward by <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default);
}
