namespace ValueChain;

/// <summary>
/// A WGS-84 position in integer microdegrees (1e-6 degree, about 11 cm at the equator), so that it
/// is exact on every ledger and in canonical JSON.
/// </summary>
public readonly record struct GeoPoint
{
    private const double MeanEarthRadiusMetres = 6_371_008.8;

    /// <summary>Creates a position, checking the ranges.</summary>
    /// <param name="latitudeMicrodegrees">Latitude in [−90 000 000, 90 000 000].</param>
    /// <param name="longitudeMicrodegrees">Longitude in [−180 000 000, 180 000 000].</param>
    /// <exception cref="ValueChainFormatException">A coordinate is out of range.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public GeoPoint(long latitudeMicrodegrees, long longitudeMicrodegrees)
    {
        if (latitudeMicrodegrees is < -90_000_000 or > 90_000_000)
        {
            throw new ValueChainFormatException("latitude", latitudeMicrodegrees.ToString(), "must be within ±90 degrees (±90 000 000 microdegrees)");
        }

        if (longitudeMicrodegrees is < -180_000_000 or > 180_000_000)
        {
            throw new ValueChainFormatException("longitude", longitudeMicrodegrees.ToString(), "must be within ±180 degrees (±180 000 000 microdegrees)");
        }

        LatitudeMicrodegrees = latitudeMicrodegrees;
        LongitudeMicrodegrees = longitudeMicrodegrees;
    }

    /// <summary>Latitude in microdegrees, north positive.</summary>
    public long LatitudeMicrodegrees { get; }

    /// <summary>Longitude in microdegrees, east positive.</summary>
    public long LongitudeMicrodegrees { get; }

    /// <summary>Creates a position from degrees, rounding to the nearest microdegree.</summary>
    /// <exception cref="ValueChainFormatException">A coordinate is out of range or not a number.</exception>
    public static GeoPoint FromDegrees(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude))
        {
            throw new ValueChainFormatException("position", $"{latitude}, {longitude}", "coordinates must be finite numbers");
        }

        return new GeoPoint((long)Math.Round(latitude * 1e6), (long)Math.Round(longitude * 1e6));
    }

    /// <summary>
    /// The great-circle distance in metres (haversine on the mean Earth radius; within 0.5 % of the
    /// ellipsoidal distance). For off-chain matching and display, never for ledger state.
    /// </summary>
    public double DistanceTo(GeoPoint other)
    {
        double lat1 = ToRadians(LatitudeMicrodegrees), lat2 = ToRadians(other.LatitudeMicrodegrees);
        double dLat = lat2 - lat1;
        double dLon = ToRadians(other.LongitudeMicrodegrees - LongitudeMicrodegrees);
        double h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * MeanEarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Degrees with six decimals, latitude first.</summary>
    public override string ToString() =>
        $"{LatitudeMicrodegrees / 1e6:F6}, {LongitudeMicrodegrees / 1e6:F6}";

    private static double ToRadians(long microdegrees) => microdegrees / 1e6 * Math.PI / 180;
}
