namespace ValueChain.Flexibility;

/// <summary>What a fleet operator offers: delivery next day in whole 15-minute slots.</summary>
/// <param name="DeliveryDate">The delivery day: the day after the offer (day-ahead).</param>
/// <param name="StartSlot">The first slot (0–95).</param>
/// <param name="SlotCount">How many slots.</param>
/// <param name="Location">The location id's hash (<see cref="OfferTerms.LocationHash"/>).</param>
/// <param name="Direction">Positive or negative.</param>
/// <param name="EnergyWh">The energy, in watt-hours.</param>
/// <param name="AskingPrice">The lowest acceptable bid, in token base units.</param>
/// <param name="Penalty">The stake the fleet operator loses for energy it does not deliver.</param>
public sealed record OfferRequest(DateOnly DeliveryDate, int StartSlot, int SlotCount, Hash32 Location, FlexibilityDirection Direction, ulong EnergyWh, UInt256 AskingPrice, UInt256 Penalty);
