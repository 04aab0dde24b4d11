namespace ValueChain.Flexibility;

/// <summary>Where the market is at a moment of ledger time.</summary>
/// <param name="Round">The auction round, counted from the market's epoch.</param>
/// <param name="Stage">The stage within the round.</param>
/// <param name="GateOpen">False in the last minutes of a stage, when its gate has closed.</param>
/// <param name="StageEnds">When the stage ends.</param>
public sealed record MarketPhase(long Round, MarketStage Stage, bool GateOpen, DateTimeOffset StageEnds);
