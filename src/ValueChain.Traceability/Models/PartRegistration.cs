namespace ValueChain.Traceability;

/// <summary>One part to register.</summary>
/// <param name="PartId">The unique serial (a vehicle's VIN for a vehicle).</param>
/// <param name="PartNumber">The part type.</param>
/// <param name="BatchNumber">The production batch.</param>
/// <param name="Kind">Component or assembly.</param>
public sealed record PartRegistration(string PartId, string PartNumber, string BatchNumber, PartKind Kind = PartKind.Component);
