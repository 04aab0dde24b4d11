namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A ledger clock that moves only when told, for tests and simulations: a market day passes in one
/// call instead of a day. It never goes back. Thread-safe.
/// </summary>
public sealed class ManualLedgerClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Creates a clock that starts at <paramref name="start"/>.</summary>
    public ManualLedgerClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, duration.Ticks);
    }

    /// <summary>Sets the clock to a later time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is earlier than the clock's.</exception>
    public void SetUtcNow(DateTimeOffset time)
    {
        long current = Interlocked.Read(ref _utcTicks);
        ArgumentOutOfRangeException.ThrowIfLessThan(time.UtcTicks, current, nameof(time));
        Interlocked.CompareExchange(ref _utcTicks, time.UtcTicks, current);
    }
}
