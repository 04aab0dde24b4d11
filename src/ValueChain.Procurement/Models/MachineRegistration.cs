namespace ValueChain.Procurement;

/// <summary>What a service engineer registers for a machine of its company.</summary>
/// <param name="MachineId">The machine's unique identifier (its RFID or QR code).</param>
/// <param name="Address">The machine's own key's address, which is also its token account.</param>
/// <param name="Slots">Its material slots, each material once.</param>
/// <param name="MaintenanceInterval">How often preventive maintenance is due (the preventive trigger of its agent).</param>
public sealed record MachineRegistration(string MachineId, Address Address, IReadOnlyList<MaterialSlot> Slots, TimeSpan MaintenanceInterval);
