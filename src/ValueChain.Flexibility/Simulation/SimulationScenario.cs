namespace ValueChain.Flexibility;

/// <summary>One run of the published simulation grid.</summary>
/// <param name="Evs">Fleet size.</param>
/// <param name="Locations">How many locations the fleet is spread over.</param>
/// <param name="TsoRejectionPercent">The share of offers the grid operators do not bid on.</param>
/// <param name="PerformancePercent">The share of contracted EVs that deliver.</param>
/// <param name="Seed">The seed of the fleet and of every random choice.</param>
public sealed record SimulationScenario(int Evs, int Locations, int TsoRejectionPercent, int PerformancePercent, int Seed);
