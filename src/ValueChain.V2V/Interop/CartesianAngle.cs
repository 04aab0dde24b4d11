namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>CartesianAngle</c>: counter-clockwise from the x axis (east).</summary>
/// <param name="Value">0.1 degree, 0 to 3599; 3601 unavailable (3600 is not used).</param>
/// <param name="Confidence">0.1 degree, 1 to 125; 126 out of range, 127 unavailable.</param>
public sealed record CartesianAngle(int Value, int Confidence);
