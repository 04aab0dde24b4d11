namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>VelocityCartesian</c> (the optional z component is not read or written).</summary>
/// <param name="XVelocity">The east component.</param>
/// <param name="YVelocity">The north component.</param>
public sealed record VelocityCartesian(VelocityComponent XVelocity, VelocityComponent YVelocity);
