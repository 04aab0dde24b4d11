namespace ValueChain.Flexibility;

/// <summary>The fields of an offer that every energy transfer record must match.</summary>
/// <param name="FleetOperator">The offering fleet operator.</param>
/// <param name="DeliveryDate">The delivery day.</param>
/// <param name="StartSlot">The first 15-minute slot of the day (0–95).</param>
/// <param name="SlotCount">How many slots the offer covers.</param>
/// <param name="Location">The location id's hash (charging station or grid segment).</param>
/// <param name="Direction">Positive or negative flexibility.</param>
/// <param name="EnergyWh">The offered energy in watt-hours.</param>
public sealed record OfferTerms(Address FleetOperator, DateOnly DeliveryDate, int StartSlot, int SlotCount, Hash32 Location, FlexibilityDirection Direction, ulong EnergyWh)
{
    /// <summary>The delivery window in UTC: from the start slot to the end of the last slot.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var start = new DateTimeOffset(DeliveryDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(15 * StartSlot);
        return (start, start.AddMinutes(15 * SlotCount));
    }

    /// <summary>The hash of a location id as records carry it: Keccak-256 of its UTF-8 bytes.</summary>
    public static Hash32 LocationHash(string locationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        return Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(locationId));
    }
}
