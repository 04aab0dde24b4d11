namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>DeltaReferencePosition</c>: an offset in 0.1 microdegree (±131 071; 131 072 unavailable) and cm of altitude (±12 700; 12 800 unavailable).</summary>
/// <param name="DeltaLatitude">The latitude offset.</param>
/// <param name="DeltaLongitude">The longitude offset.</param>
/// <param name="DeltaAltitude">The altitude offset.</param>
public sealed record DeltaReferencePosition(int DeltaLatitude, int DeltaLongitude, int DeltaAltitude);
