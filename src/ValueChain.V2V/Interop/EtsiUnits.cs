namespace ValueChain.V2V.Interop;

/// <summary>
/// The unit conversions between reports and ETSI data elements, each with the rounding the V2V README documents. Pure
/// integer arithmetic: the same input gives the same output on every machine.
/// </summary>
public static class EtsiUnits
{
    /// <summary>A <c>SemiAxisLength</c> out of range (over 40.93 m).</summary>
    public const int SemiAxisOutOfRange = 4094;

    /// <summary>A <c>SemiAxisLength</c> that is not known.</summary>
    public const int SemiAxisUnavailable = 4095;

    /// <summary>A <c>CoordinateConfidence</c> out of range (over 40.94 m).</summary>
    public const int CoordinateConfidenceOutOfRange = 4095;

    /// <summary>A <c>CoordinateConfidence</c> that is not known.</summary>
    public const int CoordinateConfidenceUnavailable = 4096;

    /// <summary>A <c>HeadingValue</c>, <c>CartesianAngleValue</c> or semi-major orientation that is not known.</summary>
    public const int AngleUnavailable = 3601;

    /// <summary>A <c>SpeedValue</c> that is not known.</summary>
    public const int SpeedUnavailable = 16383;

    /// <summary>A <c>SpeedValue</c> out of range (over 163.81 m/s, CDD v2).</summary>
    public const int SpeedOutOfRange = 16382;

    /// <summary>A <c>Latitude</c> that is not known.</summary>
    public const int LatitudeUnavailable = 900_000_001;

    /// <summary>A <c>Longitude</c> that is not known.</summary>
    public const int LongitudeUnavailable = 1_800_000_001;

    /// <summary>The largest accuracy a report holds, in metres: what an out-of-range position confidence reads as.</summary>
    public const int WorstAccuracyMetres = 1000;

    /// <summary>Microdegrees to 0.1 microdegree: exact (× 10).</summary>
    public static int ToTenthMicrodegrees(long microdegrees) => checked((int)(microdegrees * 10));

    /// <summary>0.1 microdegree to microdegrees: to the nearest, halves away from zero (15 → 2, −15 → −2), so a position and its mirror image round alike.</summary>
    public static long ToMicrodegrees(int tenthMicrodegrees) =>
        tenthMicrodegrees >= 0 ? (tenthMicrodegrees + 5L) / 10 : -((-(long)tenthMicrodegrees + 5) / 10);

    /// <summary>An accuracy in metres to a semi-axis or coordinate confidence in cm: exact up to 40 m; above, <paramref name="outOfRange"/>.</summary>
    public static int ToConfidenceCentimetres(int accuracyMetres, int outOfRange) =>
        accuracyMetres * 100 < outOfRange ? accuracyMetres * 100 : outOfRange;

    /// <summary>
    /// A confidence in cm (1 up to <paramref name="outOfRange"/>) to an accuracy in whole metres, rounded up (301 cm → 4 m)
    /// so that the accuracy never claims more than the message; <paramref name="outOfRange"/> reads as <see cref="WorstAccuracyMetres"/>.
    /// </summary>
    /// <exception cref="EtsiConversionException">The confidence is unavailable; names <paramref name="field"/>.</exception>
    public static int ToAccuracyMetres(int centimetres, int outOfRange, string field)
    {
        if (centimetres > outOfRange)
        {
            throw new EtsiConversionException(field, centimetres.ToString(), "the position confidence is unavailable, and a report needs its accuracy");
        }

        return centimetres == outOfRange ? WorstAccuracyMetres : (centimetres + 99) / 100;
    }

    /// <summary>A confidence in per cent (0 to 100) to an <c>InformationQuality</c>: 0 → 0 (unavailable), else ⌈7 · p / 100⌉ (1 to 14 % → 1 … 86 to 100 % → 7).</summary>
    public static int ToInformationQuality(int confidencePercent) => (confidencePercent * 7 + 99) / 100;

    /// <summary>An <c>InformationQuality</c> (0 to 7) to per cent: 0 → 0, else the lowest per cent of its band (1 → 1, 2 → 15, 3 → 29, 4 → 43, 5 → 58, 6 → 72, 7 → 86).</summary>
    public static int ToConfidencePercent(int informationQuality) =>
        informationQuality == 0 ? 0 : (100 * (informationQuality - 1) / 7) + 1;

    /// <summary>A bearing in 0.01 degree clockwise from north to a <c>HeadingValue</c> in 0.1 degree: to the nearest, halves up; 360.0° is written 0.</summary>
    public static int ToHeadingValue(int bearingCentidegrees) => (bearingCentidegrees + 5) / 10 % 3600;

    /// <summary>A <c>HeadingValue</c> (0 to 3599) to a bearing in 0.01 degree: exact (× 10).</summary>
    public static int ToBearing(int headingValue) => headingValue * 10;

    /// <summary>
    /// A bearing (0.01 degree clockwise from north) to a <c>CartesianAngleValue</c> (0.1 degree counter-clockwise from east):
    /// rounded up, as the CDD defines the value (n covers ((n − 1) · 0.1°, n · 0.1°]); 360.0° is written 0.
    /// </summary>
    public static int ToCartesianAngle(int bearingCentidegrees) => ((((9000 - bearingCentidegrees) % 36000) + 36000) % 36000 + 9) / 10 % 3600;

    /// <summary>A <c>CartesianAngleValue</c> (0 to 3599, counter-clockwise from east) to a bearing in 0.01 degree clockwise from north: exact.</summary>
    public static int FromCartesianAngle(int cartesianAngle) => (((9000 - (cartesianAngle * 10)) % 36000) + 36000) % 36000;

    /// <summary>A confidence in per cent (0 to 100) to a <c>ConfidenceLevel</c> (1 to 100, 101 unavailable): exact, 0 % written unavailable.</summary>
    public static int ToConfidenceLevel(int confidencePercent) => confidencePercent == 0 ? 101 : confidencePercent;

    /// <summary>A <c>ConfidenceLevel</c> to per cent: exact; unavailable (101) reads as 0 %.</summary>
    public static int FromConfidenceLevel(int confidenceLevel) => confidenceLevel == 101 ? 0 : confidenceLevel;
}
