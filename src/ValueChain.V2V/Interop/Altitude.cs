namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>Altitude</c>.</summary>
/// <param name="AltitudeValue">cm above the reference ellipsoid, −100 000 to 800 000; 800 001 is unavailable.</param>
/// <param name="AltitudeConfidence">Its confidence class.</param>
public sealed record Altitude(int AltitudeValue, AltitudeConfidence AltitudeConfidence)
{
    /// <summary>The altitude of a position that has none: value and confidence unavailable.</summary>
    public static Altitude Unavailable { get; } = new(800_001, AltitudeConfidence.Unavailable);
}
