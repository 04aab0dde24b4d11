namespace ValueChain.Traceability;

/// <summary>The digital twin of a physical part.</summary>
/// <param name="PartId">The unique serial on the part's QR code (for a vehicle, its VIN).</param>
/// <param name="PartNumber">The part type.</param>
/// <param name="BatchNumber">The production batch.</param>
/// <param name="Manufacturer">Who registered (made) it.</param>
/// <param name="Owner">Who holds custody now.</param>
/// <param name="Kind">Component or assembly.</param>
/// <param name="Status">Active, in transit, installed or recalled.</param>
/// <param name="RegisteredAt">Ledger time of registration.</param>
/// <param name="AssemblyId">The assembly it is installed in, or null.</param>
public sealed record Part(
    string PartId,
    string PartNumber,
    string BatchNumber,
    Address Manufacturer,
    Address Owner,
    PartKind Kind,
    PartStatus Status,
    DateTimeOffset RegisteredAt,
    string? AssemblyId);
