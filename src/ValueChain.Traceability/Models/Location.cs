namespace ValueChain.Traceability;

/// <summary>Where an event happened: a position and an optional site name.</summary>
/// <param name="Point">The position.</param>
/// <param name="Site">The site (plant, warehouse, dock), if known.</param>
public sealed record Location(GeoPoint Point, string? Site = null);
