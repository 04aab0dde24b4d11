namespace ValueChain.V2V;

/// <summary>A rectangle of latitude and longitude (no wrap at ±180°), bounds inclusive.</summary>
/// <param name="SouthWest">The south-west corner.</param>
/// <param name="NorthEast">The north-east corner.</param>
public sealed record GeoArea(GeoPoint SouthWest, GeoPoint NorthEast)
{
    /// <summary>Whether <paramref name="point"/> lies in the rectangle.</summary>
    public bool Contains(GeoPoint point) =>
        point.LatitudeMicrodegrees >= SouthWest.LatitudeMicrodegrees && point.LatitudeMicrodegrees <= NorthEast.LatitudeMicrodegrees
        && point.LongitudeMicrodegrees >= SouthWest.LongitudeMicrodegrees && point.LongitudeMicrodegrees <= NorthEast.LongitudeMicrodegrees;

    /// <summary>The square of side 2 · <paramref name="halfSideMicrodegrees"/> around <paramref name="centre"/>, clipped to the globe.</summary>
    public static GeoArea Around(GeoPoint centre, long halfSideMicrodegrees) => new(
        new GeoPoint(Math.Max(-90_000_000, centre.LatitudeMicrodegrees - halfSideMicrodegrees), Math.Max(-180_000_000, centre.LongitudeMicrodegrees - halfSideMicrodegrees)),
        new GeoPoint(Math.Min(90_000_000, centre.LatitudeMicrodegrees + halfSideMicrodegrees), Math.Min(180_000_000, centre.LongitudeMicrodegrees + halfSideMicrodegrees)));
}
