namespace ValueChain.V2V.Interop;

/// <summary>
/// Obstacle kinds as DENM cause and sub-cause codes (CDD TS 102 894-2 <c>CauseCodeType</c>). Each kind is written as one
/// pair; every sub-cause the CDD defines for a mapped cause reads back as that cause's kind. Any other code has no kind.
/// </summary>
public static class EtsiCauseCodes
{
    /// <summary><c>accident</c>; sub-causes 0 to 8.</summary>
    public const int Accident = 2;

    /// <summary><c>roadworks</c>; sub-causes 0 to 6.</summary>
    public const int Roadworks = 3;

    /// <summary><c>hazardousLocation-ObstacleOnTheRoad</c>; sub-causes 0 unavailable, 1 shed load, 2 parts of vehicles, 3 parts of tyres, 4 big objects, 5 fallen trees, 6 hub caps, 7 waiting vehicles.</summary>
    public const int ObstacleOnTheRoad = 10;

    /// <summary><c>hazardousLocation-AnimalOnTheRoad</c>; sub-causes 0 to 4.</summary>
    public const int AnimalOnTheRoad = 11;

    /// <summary><c>humanPresenceOnTheRoad</c>; sub-causes 0 to 3 (children, cyclist, motorcyclist).</summary>
    public const int HumanPresenceOnTheRoad = 12;

    /// <summary><c>stationaryVehicle</c>; sub-causes 0 to 5.</summary>
    public const int StationaryVehicle = 94;

    /// <summary>The sub-cause of shed load on the road, how <see cref="ObstacleKind.Debris"/> is written.</summary>
    public const int ShedLoad = 1;

    /// <summary>The sub-cause of waiting vehicles on the road, read as <see cref="ObstacleKind.StoppedVehicle"/>.</summary>
    public const int WaitingVehicles = 7;

    /// <summary>The cause and sub-cause a DENM of <paramref name="kind"/> carries.</summary>
    /// <exception cref="ValueChainFormatException">The kind is not defined.</exception>
    public static CauseCode Of(ObstacleKind kind) => kind switch
    {
        ObstacleKind.Debris => new CauseCode(ObstacleOnTheRoad, ShedLoad),
        ObstacleKind.StoppedVehicle => new CauseCode(StationaryVehicle, 0),
        ObstacleKind.Accident => new CauseCode(Accident, 0),
        ObstacleKind.Roadworks => new CauseCode(Roadworks, 0),
        ObstacleKind.Animal => new CauseCode(AnimalOnTheRoad, 0),
        ObstacleKind.Pedestrian => new CauseCode(HumanPresenceOnTheRoad, 0),
        ObstacleKind.Other => new CauseCode(ObstacleOnTheRoad, 0),
        _ => throw new ValueChainFormatException("kind", ((int)kind).ToString(), "must be one of " + string.Join(", ", Enum.GetNames<ObstacleKind>())),
    };

    /// <summary>The obstacle kind of a DENM's event type.</summary>
    /// <exception cref="EtsiConversionException">The cause or sub-cause has no obstacle kind; names the code.</exception>
    public static ObstacleKind KindOf(CauseCode code, string field = "eventType")
    {
        ArgumentNullException.ThrowIfNull(code);
        (ObstacleKind Kind, int MaxSubCause)? mapped = code.Code switch
        {
            Accident => (ObstacleKind.Accident, 8),
            Roadworks => (ObstacleKind.Roadworks, 6),
            ObstacleOnTheRoad => code.SubCauseCode switch
            {
                0 => (ObstacleKind.Other, 7),
                WaitingVehicles => (ObstacleKind.StoppedVehicle, 7),
                _ => (ObstacleKind.Debris, 7),
            },
            AnimalOnTheRoad => (ObstacleKind.Animal, 4),
            HumanPresenceOnTheRoad => (ObstacleKind.Pedestrian, 3),
            StationaryVehicle => (ObstacleKind.StoppedVehicle, 5),
            _ => null,
        };
        if (mapped is not { } m)
        {
            throw new EtsiConversionException(
                field + ".causeCode",
                code.Code.ToString(),
                $"cause code {code.Code} has no obstacle kind (mapped: {Accident}, {Roadworks}, {ObstacleOnTheRoad}, {AnimalOnTheRoad}, {HumanPresenceOnTheRoad}, {StationaryVehicle})");
        }

        if (code.SubCauseCode < 0 || code.SubCauseCode > m.MaxSubCause)
        {
            throw new EtsiConversionException(
                field + ".subCauseCode",
                code.SubCauseCode.ToString(),
                $"sub-cause code {code.SubCauseCode} of cause {code.Code} is not defined by the CDD (0 to {m.MaxSubCause})");
        }

        return m.Kind;
    }
}
