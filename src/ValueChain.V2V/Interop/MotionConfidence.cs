namespace ValueChain.V2V.Interop;

/// <summary>
/// The 95 % confidences of a moving obstacle's speed and heading in ETSI units, which reports do not hold: a sender with
/// sensor confidences passes them to the converters, which otherwise write them unavailable.
/// </summary>
/// <param name="SpeedConfidence">A <c>SpeedConfidence</c>: 0.01 m/s, 1 to 125; 126 out of range, 127 unavailable.</param>
/// <param name="HeadingConfidence">A <c>HeadingConfidence</c> / <c>AngleConfidence</c>: 0.1 degree, 1 to 125; 126 out of range, 127 unavailable.</param>
public sealed record MotionConfidence(int SpeedConfidence = MotionConfidence.UnavailableValue, int HeadingConfidence = MotionConfidence.UnavailableValue)
{
    /// <summary>The value of a confidence that is not known.</summary>
    public const int UnavailableValue = 127;

    /// <summary>Both confidences unavailable.</summary>
    public static MotionConfidence Unavailable { get; } = new();
}
