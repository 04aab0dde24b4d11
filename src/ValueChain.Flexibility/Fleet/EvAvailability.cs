namespace ValueChain.Flexibility;

/// <summary>One EV's predicted flexibility in one 15-minute slot of the delivery day.</summary>
/// <param name="EvId">The vehicle.</param>
/// <param name="Slot">The slot of the day (0–95).</param>
/// <param name="Direction">Positive (charge more) or negative (charge less).</param>
/// <param name="Location">Where it is plugged in during the slot.</param>
/// <param name="EnergyWh">How much energy it can shift in the slot.</param>
/// <param name="PricePerKWh">The lowest price it accepts, in token base units per kWh.</param>
public sealed record EvAvailability(string EvId, int Slot, FlexibilityDirection Direction, string Location, ulong EnergyWh, ulong PricePerKWh);
