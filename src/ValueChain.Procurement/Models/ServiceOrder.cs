namespace ValueChain.Procurement;

/// <summary>A machine's booking of a service engineer of its company (installation or preventive maintenance).</summary>
/// <param name="ServiceId">Its id; never reused.</param>
/// <param name="MachineId">The machine to be serviced.</param>
/// <param name="Engineer">The booked service engineer.</param>
/// <param name="OrderId">The material order whose installation it is, or null for preventive maintenance.</param>
/// <param name="BookedAt">The ledger time of the booking.</param>
/// <param name="Status">Booked or closed.</param>
/// <param name="ClosedAt">The ledger time of the maintenance entry that closed it, or null.</param>
public sealed record ServiceOrder(string ServiceId, string MachineId, Address Engineer, string? OrderId, DateTimeOffset BookedAt, ServiceStatus Status, DateTimeOffset? ClosedAt);
