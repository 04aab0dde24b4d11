namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>ObjectClassWithConfidence</c>.</summary>
/// <param name="ObjectClass">The class.</param>
/// <param name="Confidence">A <c>ConfidenceLevel</c>: per cent, 1 to 100; 101 unavailable.</param>
public sealed record ObjectClassWithConfidence(ObjectClass ObjectClass, int Confidence);
