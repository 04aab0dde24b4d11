namespace ValueChain.Flexibility;

/// <summary>The outcome of one simulated market day.</summary>
/// <param name="Scenario">The run's parameters.</param>
/// <param name="OffersCreated">Offers made (selected bundles).</param>
/// <param name="OffersSold">Offers that got a payment contract.</param>
/// <param name="EnergyDeliveredWh">Energy proven by meter-signed records.</param>
/// <param name="Revenue">Tokens paid to the fleet operator for delivered energy.</param>
/// <param name="Stages">Per stage: transactions, wall time, throughput, whether it fit its window.</param>
public sealed record SimulationResult(SimulationScenario Scenario, int OffersCreated, int OffersSold, ulong EnergyDeliveredWh, UInt256 Revenue, IReadOnlyList<StageFigures> Stages);
