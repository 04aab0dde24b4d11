namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>PathPoint</c> of a trace: an offset from the previous point.</summary>
/// <param name="PathPosition">The offset.</param>
/// <param name="PathDeltaTime">The time since the previous point in 10 ms, 1 to 65 535; absent when unknown.</param>
public sealed record PathPoint(DeltaReferencePosition PathPosition, int? PathDeltaTime = null);
