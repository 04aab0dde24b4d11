namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>EulerAnglesWithConfidence</c> (only the z angle, the orientation on the road plane, is read or written).</summary>
/// <param name="ZAngle">The bounding box's orientation, counter-clockwise from east.</param>
public sealed record EulerAnglesWithConfidence(CartesianAngle ZAngle);
