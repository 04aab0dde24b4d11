namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>Speed</c>.</summary>
/// <param name="SpeedValue">0.01 m/s, 0 to 16 381; 16 382 out of range (v2 CDD), 16 383 unavailable.</param>
/// <param name="SpeedConfidence">0.01 m/s, 1 to 125; 126 out of range, 127 unavailable.</param>
public sealed record Speed(int SpeedValue, int SpeedConfidence);
