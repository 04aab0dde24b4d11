namespace ValueChain.V2V;

/// <summary>A cell of the spatial index: latitude and longitude divided by the cell size, rounded down.</summary>
/// <param name="Latitude">The latitude row.</param>
/// <param name="Longitude">The longitude column.</param>
public readonly record struct GridCell(long Latitude, long Longitude)
{
    /// <summary>The cell that holds <paramref name="position"/> for cells of <paramref name="cellSizeMicrodegrees"/>.</summary>
    public static GridCell Of(GeoPoint position, long cellSizeMicrodegrees)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSizeMicrodegrees, 1);
        return new(FloorDivide(position.LatitudeMicrodegrees, cellSizeMicrodegrees), FloorDivide(position.LongitudeMicrodegrees, cellSizeMicrodegrees));
    }

    /// <summary>This cell and its eight neighbours, row by row: where a match for a report in this cell can be.</summary>
    public IEnumerable<GridCell> Neighbourhood()
    {
        for (long dLat = -1; dLat <= 1; dLat++)
        {
            for (long dLon = -1; dLon <= 1; dLon++)
            {
                yield return new GridCell(Latitude + dLat, Longitude + dLon);
            }
        }
    }

    // Rounds towards minus infinity, so that cells do not double in size at the equator and the prime meridian.
    private static long FloorDivide(long value, long size)
    {
        (long quotient, long remainder) = Math.DivRem(value, size);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
