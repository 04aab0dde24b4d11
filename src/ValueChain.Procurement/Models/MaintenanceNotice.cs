namespace ValueChain.Procurement;

/// <summary>
/// What every participant learns of a maintenance entry (the payload of its event): where it sits in the book and
/// its hash. The entry itself is read through the book's grants.
/// </summary>
/// <param name="MachineId">The machine.</param>
/// <param name="Sequence">The entry's place in the book.</param>
/// <param name="Hash">The entry's hash.</param>
/// <param name="ServiceId">The service order it closed, or null.</param>
public sealed record MaintenanceNotice(string MachineId, long Sequence, Hash32 Hash, string? ServiceId);
