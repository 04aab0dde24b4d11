using CsCheck;

namespace ValueChain.Flexibility.Tests;

public sealed class MarketClockTests
{
    private static readonly DateTimeOffset Round0 = DateTimeOffset.UnixEpoch;

    [Theory]
    [InlineData(0, MarketStage.Offering, true)]
    [InlineData(3 * 60 + 59, MarketStage.Offering, true)]
    [InlineData(4 * 60, MarketStage.Offering, false)]
    [InlineData(5 * 60, MarketStage.Bidding, true)]
    [InlineData(9 * 60 + 30, MarketStage.Bidding, false)]
    [InlineData(10 * 60, MarketStage.ContractCreation, true)]
    [InlineData(14 * 60 + 59, MarketStage.ContractCreation, false)]
    public void Stages_of_five_minutes_close_their_gate_in_the_last_minute(int seconds, MarketStage stage, bool gateOpen)
    {
        MarketPhase phase = MarketClock.Default.PhaseAt(Round0.AddDays(20_000).AddSeconds(seconds));

        Assert.Equal((stage, gateOpen), (phase.Stage, phase.GateOpen));
        Assert.Equal(20_000L * 96, phase.Round);
    }

    [Fact]
    public void Every_moment_lies_in_the_stage_that_starts_before_it_and_ends_after_it()
    {
        Gen.Long[0, 4_000_000_000].Sample(seconds =>
        {
            DateTimeOffset time = Round0.AddSeconds(seconds);
            MarketPhase phase = MarketClock.Default.PhaseAt(time);
            DateTimeOffset start = MarketClock.Default.StageStart(phase.Round, phase.Stage);
            Assert.InRange(time, start, phase.StageEnds.AddTicks(-1));
            Assert.Equal(start + TimeSpan.FromMinutes(5), phase.StageEnds);
            Assert.Equal(time < phase.StageEnds - TimeSpan.FromMinutes(1), phase.GateOpen);
        });
    }
}
