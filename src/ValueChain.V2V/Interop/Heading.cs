namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>Heading</c>: a direction clockwise from WGS-84 north.</summary>
/// <param name="HeadingValue">0.1 degree, 0 to 3599; 3601 unavailable (3600 is not used).</param>
/// <param name="HeadingConfidence">0.1 degree, 1 to 125; 126 out of range, 127 unavailable.</param>
public sealed record Heading(int HeadingValue, int HeadingConfidence);
