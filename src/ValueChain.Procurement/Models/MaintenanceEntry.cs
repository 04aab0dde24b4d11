namespace ValueChain.Procurement;

/// <summary>One entry of a machine's maintenance book: append-only, linked to the previous entry by hash.</summary>
/// <param name="MachineId">The machine.</param>
/// <param name="Sequence">Its place in the book, from 0.</param>
/// <param name="Engineer">The service engineer who recorded it.</param>
/// <param name="RecordedAt">The ledger time it was recorded.</param>
/// <param name="ServiceId">The service order it closed, or null.</param>
/// <param name="Description">The service performed.</param>
/// <param name="Installed">The materials installed.</param>
/// <param name="PreviousHash">The previous entry's hash, or zero for the first entry.</param>
/// <param name="Hash">This entry's hash (<see cref="MaintenanceBookHash.Compute"/>).</param>
public sealed record MaintenanceEntry(string MachineId, long Sequence, Address Engineer, DateTimeOffset RecordedAt, string? ServiceId, string Description, IReadOnlyList<InstalledMaterial> Installed, Hash32 PreviousHash, Hash32 Hash);
