namespace ValueChain.Procurement;

/// <summary>A registered machine: a market participant with its own key, token account and material slots.</summary>
/// <param name="MachineId">Its unique identifier (RFID or QR).</param>
/// <param name="Address">Its key's address and token account.</param>
/// <param name="CompanyId">The company it belongs to.</param>
/// <param name="Slots">Its material slots, in the order registered.</param>
/// <param name="MaintenanceInterval">How often preventive maintenance is due.</param>
/// <param name="RegisteredBy">The service engineer who registered it.</param>
/// <param name="RegisteredAt">The ledger time of registration.</param>
/// <param name="LastMaintenanceAt">The ledger time of the last maintenance entry, or null.</param>
/// <param name="BookLength">How many entries its maintenance book holds.</param>
public sealed record Machine(string MachineId, Address Address, string CompanyId, IReadOnlyList<MaterialSlot> Slots, TimeSpan MaintenanceInterval, Address RegisteredBy, DateTimeOffset RegisteredAt, DateTimeOffset? LastMaintenanceAt, long BookLength)
{
    /// <summary>The slot for <paramref name="materialNumber"/>, or null.</summary>
    public MaterialSlot? Slot(string materialNumber) => Slots.FirstOrDefault(s => string.Equals(s.MaterialNumber, materialNumber, StringComparison.Ordinal));

    /// <summary>When preventive maintenance is next due: the last maintenance (or the registration) plus the interval.</summary>
    public DateTimeOffset MaintenanceDue => (LastMaintenanceAt ?? RegisteredAt) + MaintenanceInterval;
}
