namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>CartesianCoordinateWithConfidence</c>.</summary>
/// <param name="Value">cm, −131 071 to 131 070; −131 072 and 131 071 are out of range (beyond ±1310.7 m).</param>
/// <param name="Confidence">cm, 1 to 4094; 4095 out of range (over 40.94 m), 4096 unavailable.</param>
public sealed record CartesianCoordinateWithConfidence(int Value, int Confidence);
