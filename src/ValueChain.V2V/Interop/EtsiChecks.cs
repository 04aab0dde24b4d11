namespace ValueChain.V2V.Interop;

// The range checks of the ASN.1 constraints, each naming the field by its JSON path below the message.
internal static class EtsiChecks
{
    public static void Range(string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            throw new ValueChainFormatException(field, value.ToString(), $"must be {min} to {max}");
        }
    }


    public static void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ValueChainFormatException(field, value.ToString(), "is not one of " + string.Join(", ", Enum.GetNames<TEnum>()));
        }
    }

    public static void StationId(string field, long value) => Range(field, value, 0, uint.MaxValue);

    public static void Timestamp(string field, long value) => Range(field, value, 0, EtsiTime.MaxTimestamp);

    public static void ReferencePosition(string field, ReferencePosition position)
    {
        Range(field + ".latitude", position.Latitude, -900_000_000, EtsiUnits.LatitudeUnavailable);
        Range(field + ".longitude", position.Longitude, -1_800_000_000, EtsiUnits.LongitudeUnavailable);
        PosConfidenceEllipse ellipse = position.PositionConfidenceEllipse;
        string e = field + ".positionConfidenceEllipse";
        Range(e + ".semiMajorConfidence", ellipse.SemiMajorConfidence, 1, EtsiUnits.SemiAxisUnavailable);
        Range(e + ".semiMinorConfidence", ellipse.SemiMinorConfidence, 1, EtsiUnits.SemiAxisUnavailable);
        Range(e + ".semiMajorOrientation", ellipse.SemiMajorOrientation, 0, EtsiUnits.AngleUnavailable);
        Range(field + ".altitude.altitudeValue", position.Altitude.AltitudeValue, -100_000, 800_001);
        Defined(field + ".altitude.altitudeConfidence", position.Altitude.AltitudeConfidence);
    }

    public static void Speed(string field, Speed speed)
    {
        Range(field + ".speedValue", speed.SpeedValue, 0, EtsiUnits.SpeedUnavailable);
        Range(field + ".speedConfidence", speed.SpeedConfidence, 1, 127);
    }

    public static void Angle(string field, int value, int confidence, string confidenceName)
    {
        Range(field + ".value", value, 0, EtsiUnits.AngleUnavailable);
        Range(field + "." + confidenceName, confidence, 1, 127);
    }
}
