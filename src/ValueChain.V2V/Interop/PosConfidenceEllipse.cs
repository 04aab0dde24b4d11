namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>PosConfidenceEllipse</c>: the 95 % horizontal confidence ellipse of a position.</summary>
/// <param name="SemiMajorConfidence">Half the major axis in cm, 1 to 4093; 4094 is out of range (over 40.93 m), 4095 unavailable.</param>
/// <param name="SemiMinorConfidence">Half the minor axis in cm, same range.</param>
/// <param name="SemiMajorOrientation">The major axis's direction, 0.1 degree clockwise from north, 0 to 3599; 3601 unavailable.</param>
public sealed record PosConfidenceEllipse(int SemiMajorConfidence, int SemiMinorConfidence, int SemiMajorOrientation);
