namespace ValueChain.Procurement;

/// <summary>A machine used material from a slot (the payload of the consumption event).</summary>
/// <param name="MachineId">The machine.</param>
/// <param name="MaterialNumber">The material.</param>
/// <param name="Quantity">How many units it used.</param>
/// <param name="Stock">The slot's stock after.</param>
public sealed record MaterialConsumption(string MachineId, string MaterialNumber, long Quantity, long Stock);
