namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>VelocityComponent</c>.</summary>
/// <param name="Value">0.01 m/s, −16 382 to 16 381; −16 383 and 16 382 out of range, 16 383 unavailable.</param>
/// <param name="Confidence">A <c>SpeedConfidence</c>: 0.01 m/s, 1 to 125; 126 out of range, 127 unavailable.</param>
public sealed record VelocityComponent(int Value, int Confidence);
