namespace ValueChain.V2V;

/// <summary>What a run's map picture shows: the routes, the obstacles placed on them, where vehicles detected them, and where the ledger mapped them.</summary>
/// <param name="Routes">Each route's polyline.</param>
/// <param name="StaticObstacles">Where the static obstacles are.</param>
/// <param name="DynamicObstacles">Where the moving obstacles started.</param>
/// <param name="Detections">Where each report placed its obstacle.</param>
/// <param name="Mapped">The positions of the obstacles the ledger mapped.</param>
public sealed record V2VSimulationMap(
    IReadOnlyList<IReadOnlyList<GeoPoint>> Routes,
    IReadOnlyList<GeoPoint> StaticObstacles,
    IReadOnlyList<GeoPoint> DynamicObstacles,
    IReadOnlyList<GeoPoint> Detections,
    IReadOnlyList<GeoPoint> Mapped);
