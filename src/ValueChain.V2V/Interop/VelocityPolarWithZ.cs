namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>VelocityPolarWithZ</c> (the optional z component is not read or written).</summary>
/// <param name="VelocityMagnitude">The speed on the reference plane.</param>
/// <param name="VelocityDirection">Its direction, counter-clockwise from east (the x axis).</param>
public sealed record VelocityPolarWithZ(Speed VelocityMagnitude, CartesianAngle VelocityDirection);
