namespace ValueChain.Procurement;

/// <summary>What a service engineer records after scanning a machine's identifier.</summary>
/// <param name="MachineId">The scanned machine.</param>
/// <param name="ServiceId">The service order this closes, or null for work without a booking.</param>
/// <param name="Description">The service performed (1 to 1000 characters).</param>
/// <param name="Installed">The materials installed, each material at most once; may be empty.</param>
public sealed record MaintenanceRecord(string MachineId, string? ServiceId, string Description, IReadOnlyList<InstalledMaterial> Installed);
