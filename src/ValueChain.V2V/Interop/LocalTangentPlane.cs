namespace ValueChain.V2V.Interop;

/// <summary>
/// The projection between microdegrees and a CPM's east / north offsets from its reference position: linear in the
/// latitude and longitude differences, scaled by the WGS-84 radii of curvature at the reference latitude (meridional M
/// for north, prime vertical N · cos φ for east). Being linear, it is its own exact inverse up to the rounding of its
/// ends. Against exact east-north-up coordinates (geodetic → ECEF → ENU) it errs by under 0.5 m within the CPM's
/// ±1310.7 m up to ±80° of latitude (measured in the tests: the error grows as tan φ · d² / R).
/// </summary>
public static class LocalTangentPlane
{
    /// <summary>The highest absolute reference latitude in microdegrees (89°): nearer a pole, east offsets lose their meaning.</summary>
    public const long MaxReferenceLatitude = 89_000_000;

    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double EccentricitySquared = Flattening * (2 - Flattening);

    /// <summary>The offsets of <paramref name="point"/> east and north of <paramref name="reference"/>, in cm, before rounding.</summary>
    /// <exception cref="EtsiConversionException">The reference lies nearer a pole than 89°.</exception>
    public static (double EastCentimetres, double NorthCentimetres) Offset(GeoPoint reference, GeoPoint point)
    {
        (double east, double north) = CentimetresPerMicrodegree(reference);
        long dLon = point.LongitudeMicrodegrees - reference.LongitudeMicrodegrees;
        dLon = dLon > 180_000_000 ? dLon - 360_000_000 : dLon < -180_000_000 ? dLon + 360_000_000 : dLon;
        return (dLon * east, (point.LatitudeMicrodegrees - reference.LatitudeMicrodegrees) * north);
    }

    /// <summary>The position <paramref name="eastCentimetres"/> east and <paramref name="northCentimetres"/> north of <paramref name="reference"/>, to the nearest microdegree (halves away from zero).</summary>
    /// <exception cref="EtsiConversionException">The reference lies nearer a pole than 89°, or the position falls beyond a pole.</exception>
    public static GeoPoint Position(GeoPoint reference, long eastCentimetres, long northCentimetres)
    {
        (double east, double north) = CentimetresPerMicrodegree(reference);
        long latitude = reference.LatitudeMicrodegrees + (long)Math.Round(northCentimetres / north, MidpointRounding.AwayFromZero);
        long longitude = reference.LongitudeMicrodegrees + (long)Math.Round(eastCentimetres / east, MidpointRounding.AwayFromZero);
        longitude = longitude > 180_000_000 ? longitude - 360_000_000 : longitude < -180_000_000 ? longitude + 360_000_000 : longitude;
        if (latitude is < -90_000_000 or > 90_000_000)
        {
            throw new EtsiConversionException("yCoordinate", northCentimetres.ToString(), "the offset reaches beyond a pole");
        }

        return new GeoPoint(latitude, longitude);
    }

    /// <summary>How many cm one microdegree of longitude (east) and of latitude (north) span at the reference latitude.</summary>
    /// <exception cref="EtsiConversionException">The reference lies nearer a pole than 89°.</exception>
    public static (double East, double North) CentimetresPerMicrodegree(GeoPoint reference)
    {
        if (Math.Abs(reference.LatitudeMicrodegrees) > MaxReferenceLatitude)
        {
            throw new EtsiConversionException("referencePosition.latitude", reference.LatitudeMicrodegrees.ToString(), "a CPM reference position must lie within ±89° of latitude for east offsets to hold");
        }

        double phi = reference.LatitudeMicrodegrees * 1e-6 * Math.PI / 180;
        double sin = Math.Sin(phi);
        double w = 1 - (EccentricitySquared * sin * sin);
        double meridional = SemiMajorAxis * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        double primeVertical = SemiMajorAxis / Math.Sqrt(w);
        const double CentimetresPerRadianMicrodegree = 1e-6 * Math.PI / 180 * 100;
        return (primeVertical * Math.Cos(phi) * CentimetresPerRadianMicrodegree, meridional * CentimetresPerRadianMicrodegree);
    }
}
