namespace ValueChain;

/// <summary>
/// Remembers a ledger's newest block across a health check's runs and says how long it has stayed the same, so that a
/// driver's check can report a head that stopped advancing. Thread-safe: health checks may run concurrently.
/// </summary>
/// <param name="time">The clock that measures how long the head stays the same (the system clock when null).</param>
public sealed class HeadWatch(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private (long Head, DateTimeOffset Since)? _last;

    /// <summary>Records <paramref name="head"/> and returns how long it has been the newest block (zero when it just changed).</summary>
    public TimeSpan Observe(long head)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_last is not { } last || last.Head != head)
            {
                _last = (head, now);
                return TimeSpan.Zero;
            }

            return now - last.Since;
        }
    }
}
