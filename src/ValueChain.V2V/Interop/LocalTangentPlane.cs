namespace ValueChain.V2V.Interop;

/// <summary>
/// The projection between microdegrees and a CPM's east / north offsets from its reference position: exact local
/// east-north-up coordinates on the WGS-84 ellipsoid (geodetic → ECEF → ENU, both points taken at height 0, since
/// reports carry no altitude), inverted by fixed-point iteration to below a micrometre. The only error is the rounding
/// of the ends (to the cm, to the microdegree); floating-point error is under 1e-6 cm.
/// </summary>
public static class LocalTangentPlane
{
    /// <summary>The highest absolute reference latitude in microdegrees (89°): nearer a pole, east offsets lose their meaning.</summary>
    public const long MaxReferenceLatitude = 89_000_000;

    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double EccentricitySquared = Flattening * (2 - Flattening);
    private const double RadiansPerMicrodegree = Math.PI / 180 * 1e-6;

    /// <summary>The offsets of <paramref name="point"/> east and north of <paramref name="reference"/>, in cm, before rounding.</summary>
    /// <exception cref="EtsiConversionException">The reference lies nearer a pole than 89°.</exception>
    public static (double EastCentimetres, double NorthCentimetres) Offset(GeoPoint reference, GeoPoint point)
    {
        CheckReference(reference);
        (double east, double north) = Enu(reference, point.LatitudeMicrodegrees, point.LongitudeMicrodegrees);
        return (east * 100, north * 100);
    }

    /// <summary>The position <paramref name="eastCentimetres"/> east and <paramref name="northCentimetres"/> north of <paramref name="reference"/>, to the nearest microdegree (halves away from zero).</summary>
    /// <exception cref="EtsiConversionException">The reference lies nearer a pole than 89°, or the position falls beyond a pole.</exception>
    public static GeoPoint Position(GeoPoint reference, long eastCentimetres, long northCentimetres)
    {
        CheckReference(reference);
        double east = eastCentimetres / 100.0, north = northCentimetres / 100.0;
        (double meridional, double primeVertical) = Radii(reference.LatitudeMicrodegrees * RadiansPerMicrodegree);
        double cos = Math.Cos(reference.LatitudeMicrodegrees * RadiansPerMicrodegree);

        // Start from the linear approximation and correct by the residual, scaled by the same radii: each step shrinks the
        // error by the small angle between the two frames (about 2e-4 rad within 1.3 km), so a few steps reach 1e-9 m.
        double latitude = reference.LatitudeMicrodegrees + (north / meridional / RadiansPerMicrodegree);
        double longitude = reference.LongitudeMicrodegrees + (east / (primeVertical * cos) / RadiansPerMicrodegree);
        for (int i = 0; i < 8; i++)
        {
            (double e, double n) = Enu(reference, latitude, longitude);
            double de = east - e, dn = north - n;
            latitude += dn / meridional / RadiansPerMicrodegree;
            longitude += de / (primeVertical * cos) / RadiansPerMicrodegree;
            if (Math.Abs(de) < 1e-9 && Math.Abs(dn) < 1e-9)
            {
                break;
            }
        }

        long lat = (long)Math.Round(latitude, MidpointRounding.AwayFromZero);
        long lon = (long)Math.Round(longitude, MidpointRounding.AwayFromZero);
        lon = lon > 180_000_000 ? lon - 360_000_000 : lon < -180_000_000 ? lon + 360_000_000 : lon;
        if (lat is < -90_000_000 or > 90_000_000)
        {
            throw new EtsiConversionException("yCoordinate", northCentimetres.ToString(), "the offset reaches beyond a pole");
        }

        return new GeoPoint(lat, lon);
    }

    private static void CheckReference(GeoPoint reference)
    {
        if (Math.Abs(reference.LatitudeMicrodegrees) > MaxReferenceLatitude)
        {
            throw new EtsiConversionException("referencePosition.latitude", reference.LatitudeMicrodegrees.ToString(), "a CPM reference position must lie within ±89° of latitude for east offsets to hold");
        }
    }

    // East and north in metres of a point (microdegrees, height 0) in the tangent frame of the reference (height 0).
    private static (double East, double North) Enu(GeoPoint reference, double latitude, double longitude)
    {
        double lat0 = reference.LatitudeMicrodegrees * RadiansPerMicrodegree, lon0 = reference.LongitudeMicrodegrees * RadiansPerMicrodegree;
        (double x0, double y0, double z0) = Ecef(lat0, lon0);
        (double x, double y, double z) = Ecef(latitude * RadiansPerMicrodegree, longitude * RadiansPerMicrodegree);
        double dx = x - x0, dy = y - y0, dz = z - z0;
        double sinLat = Math.Sin(lat0), cosLat = Math.Cos(lat0), sinLon = Math.Sin(lon0), cosLon = Math.Cos(lon0);
        double east = (-sinLon * dx) + (cosLon * dy);
        double north = (-sinLat * cosLon * dx) - (sinLat * sinLon * dy) + (cosLat * dz);
        return (east, north);
    }

    private static (double X, double Y, double Z) Ecef(double latitude, double longitude)
    {
        double sin = Math.Sin(latitude), cos = Math.Cos(latitude);
        double primeVertical = SemiMajorAxis / Math.Sqrt(1 - (EccentricitySquared * sin * sin));
        return (primeVertical * cos * Math.Cos(longitude), primeVertical * cos * Math.Sin(longitude), primeVertical * (1 - EccentricitySquared) * sin);
    }

    private static (double Meridional, double PrimeVertical) Radii(double latitude)
    {
        double sin = Math.Sin(latitude);
        double w = 1 - (EccentricitySquared * sin * sin);
        return (SemiMajorAxis * (1 - EccentricitySquared) / (w * Math.Sqrt(w)), SemiMajorAxis / Math.Sqrt(w));
    }
}
