namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>ReferencePosition</c>: a WGS-84 position in 0.1 microdegree with its confidence ellipse and altitude.</summary>
/// <param name="Latitude">0.1 microdegree, −900 000 000 to 900 000 000; 900 000 001 is unavailable.</param>
/// <param name="Longitude">0.1 microdegree, −1 800 000 000 to 1 800 000 000; 1 800 000 001 is unavailable.</param>
/// <param name="PositionConfidenceEllipse">The horizontal 95 % confidence ellipse.</param>
/// <param name="Altitude">The altitude (reports carry none: written unavailable).</param>
public sealed record ReferencePosition(int Latitude, int Longitude, PosConfidenceEllipse PositionConfidenceEllipse, Altitude Altitude);
