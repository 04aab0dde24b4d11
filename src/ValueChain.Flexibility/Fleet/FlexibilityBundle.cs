namespace ValueChain.Flexibility;

/// <summary>
/// The EVs available at one location, slot and direction, aggregated into one offer. Its asking
/// price covers every member's price: the sum of each member's energy × price, rounded up per member.
/// </summary>
/// <param name="Location">The location.</param>
/// <param name="Slot">The slot.</param>
/// <param name="Direction">The direction.</param>
/// <param name="EvIds">The member EVs, sorted.</param>
/// <param name="EnergyWh">The members' energy in total.</param>
/// <param name="AskingPrice">The members' prices in total, in token base units.</param>
public sealed record FlexibilityBundle(string Location, int Slot, FlexibilityDirection Direction, IReadOnlyList<string> EvIds, ulong EnergyWh, ulong AskingPrice);
