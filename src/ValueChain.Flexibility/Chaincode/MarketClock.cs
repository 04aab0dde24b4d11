namespace ValueChain.Flexibility;

/// <summary>
/// Derives the market's round and stage from ledger time alone (never a caller's clock): rounds of
/// <see cref="RoundLength"/> from the epoch, each made of Offering, Bidding and Contract creation
/// stages of <see cref="StageLength"/>, each stage's gate closing <see cref="GateClosure"/> before its end.
/// </summary>
/// <param name="Epoch">When round 0 starts.</param>
/// <param name="StageLength">The length of one stage (default 5 minutes).</param>
/// <param name="GateClosure">How long before a stage's end its gate closes (default 1 minute).</param>
public sealed record MarketClock(DateTimeOffset Epoch, TimeSpan StageLength, TimeSpan GateClosure)
{
    /// <summary>The published design: rounds from the Unix epoch, 5-minute stages, 1-minute gate closure.</summary>
    /// <remarks>A new instance on each read: binding configuration into options sets a clock's properties in place, and must not change a shared one.</remarks>
    public static MarketClock Default => new(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));

    /// <summary>The length of a round: three stages.</summary>
    public TimeSpan RoundLength => StageLength * 3;

    /// <summary>The phase at <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is before the epoch.</exception>
    public MarketPhase PhaseAt(DateTimeOffset time)
    {
        TimeSpan since = time - Epoch;
        ArgumentOutOfRangeException.ThrowIfLessThan(since, TimeSpan.Zero, nameof(time));
        long round = since.Ticks / RoundLength.Ticks;
        long intoRound = since.Ticks % RoundLength.Ticks;
        int stage = (int)(intoRound / StageLength.Ticks);
        long intoStage = intoRound % StageLength.Ticks;
        DateTimeOffset stageEnds = time + TimeSpan.FromTicks(StageLength.Ticks - intoStage);
        return new MarketPhase(round, (MarketStage)(stage + 1), intoStage < (StageLength - GateClosure).Ticks, stageEnds);
    }

    /// <summary>When <paramref name="stage"/> of <paramref name="round"/> starts.</summary>
    public DateTimeOffset StageStart(long round, MarketStage stage) => Epoch + RoundLength * round + StageLength * ((int)stage - 1);
}
