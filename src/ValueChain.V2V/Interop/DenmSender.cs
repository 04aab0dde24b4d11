namespace ValueChain.V2V.Interop;

/// <summary>The ITS station that sends a DENM: its id in the header (and in the action id of the events it originates) and its type.</summary>
/// <param name="StationId">0 to 4 294 967 295. A vehicle reporting under per-trip pseudonyms changes it with each trip, as ITS pseudonym changes do.</param>
/// <param name="StationType">A CDD <c>StationType</c>, 0 to 255 (default 5, passenger car; 15 road-side unit).</param>
public sealed record DenmSender(long StationId, int StationType = DenmSender.PassengerCar)
{
    /// <summary>The <c>StationType</c> of a passenger car.</summary>
    public const int PassengerCar = 5;

    /// <summary>The <c>StationType</c> of a road-side unit.</summary>
    public const int RoadSideUnit = 15;
}
