namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>Velocity3dWithConfidence</c>, an ASN.1 CHOICE: exactly one of the two is set.</summary>
/// <param name="PolarVelocity">Speed and direction (what this SDK writes).</param>
/// <param name="CartesianVelocity">East and north components.</param>
public sealed record Velocity3dWithConfidence(VelocityPolarWithZ? PolarVelocity = null, VelocityCartesian? CartesianVelocity = null);
