namespace ValueChain.V2V.Interop;

/// <summary>What every perceived object of a CPM is relative to: the sender, the reference time and the reference position.</summary>
/// <param name="StationId">The sending station, 0 to 4 294 967 295.</param>
/// <param name="ReferenceTime">The CPM's reference time (whole milliseconds); each object's detection time is within ±2.046 s of it.</param>
/// <param name="Position">The reference position (the sender's), within ±89° of latitude; objects are within ±1310.7 m east and north of it.</param>
/// <param name="AccuracyMetres">The reference position's accuracy in metres, 1 to 1000; null when unknown.</param>
public sealed record CpmReference(long StationId, DateTimeOffset ReferenceTime, GeoPoint Position, int? AccuracyMetres = null);
