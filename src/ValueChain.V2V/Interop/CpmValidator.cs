namespace ValueChain.V2V.Interop;

// Every ASN.1 constraint of the CPM fields this SDK models, naming the field by its JSON path.
internal static class CpmValidator
{
    // TrafficParticipantType restricted to unknown | passengerCar..tram | agricultural, as ObjectClass.vehicleSubClass is.
    private static readonly HashSet<int> VehicleSubClasses = [0, 5, 6, 7, 8, 9, 10, 11, 14];

    private static readonly HashSet<string> Pedestrians = ["unavailable", "ordinary-pedestrian", "road-worker", "first-responder", "max"];
    private static readonly HashSet<string> Bicyclists = ["unavailable", "bicyclist", "wheelchair-user", "horse-and-rider", "rollerskater", "e-scooter", "personal-transporter", "pedelec", "speed-pedelec", "max"];
    private static readonly HashSet<string> Motorcyclists = ["unavailable", "moped", "motorcycle", "motorcycle-and-sidecar-right", "motorcycle-and-sidecar-left", "max"];
    private static readonly HashSet<string> Animals = ["unavailable", "wild-animal", "farm-animal", "service-animal", "max"];

    public static void ValidateEnvelope(Cpm cpm)
    {
        ArgumentNullException.ThrowIfNull(cpm);
        if (cpm.Header.ProtocolVersion != 2)
        {
            throw new ValueChainFormatException("header.protocolVersion", cpm.Header.ProtocolVersion.ToString(), "a CPM of TS 103 324 v2 has protocol version 2");
        }

        if (cpm.Header.MessageId != 14)
        {
            throw new ValueChainFormatException("header.messageId", cpm.Header.MessageId.ToString(), "a CPM has message id 14 (cpm)");
        }

        EtsiChecks.StationId("header.stationId", cpm.Header.StationId);
        EtsiChecks.Timestamp("payload.managementContainer.referenceTime", cpm.Payload.ManagementContainer.ReferenceTime);
        EtsiChecks.ReferencePosition("payload.managementContainer.referencePosition", cpm.Payload.ManagementContainer.ReferencePosition);
        if (cpm.Payload.CpmContainers.Count == 0)
        {
            throw new ValueChainFormatException("payload.cpmContainers", "[]", "a CPM holds at least one container");
        }

        for (int i = 0; i < cpm.Payload.CpmContainers.Count; i++)
        {
            EtsiChecks.Range($"payload.cpmContainers[{i}].containerId", cpm.Payload.CpmContainers[i].ContainerId, 1, 16);
        }
    }

    public static void Validate(string field, PerceivedObjectContainer container)
    {
        EtsiChecks.Range(field + ".numberOfPerceivedObjects", container.NumberOfPerceivedObjects, 0, 255);
        EtsiChecks.Range(field + ".perceivedObjects", container.PerceivedObjects.Count, 0, 255);
        for (int i = 0; i < container.PerceivedObjects.Count; i++)
        {
            Validate($"{field}.perceivedObjects[{i}]", container.PerceivedObjects[i]);
        }
    }

    private static void Validate(string field, PerceivedObject o)
    {
        if (o.ObjectId is not { } id)
        {
            throw new ValueChainFormatException(field + ".objectId", null, "every perceived object of a CPM has an object id");
        }

        EtsiChecks.Range(field + ".objectId", id, 0, ushort.MaxValue);
        EtsiChecks.Range(field + ".measurementDeltaTime", o.MeasurementDeltaTime, -2048, 2047);
        Coordinate(field + ".position.xCoordinate", o.Position.XCoordinate);
        Coordinate(field + ".position.yCoordinate", o.Position.YCoordinate);
        if (o.Position.ZCoordinate is { } z)
        {
            Coordinate(field + ".position.zCoordinate", z);
        }

        if (o.Velocity is { } velocity)
        {
            Velocity(field + ".velocity", velocity);
        }

        if (o.Angles is { } angles)
        {
            EtsiChecks.Angle(field + ".angles.zAngle", angles.ZAngle.Value, angles.ZAngle.Confidence, "confidence");
        }

        if (o.ObjectAge is { } age)
        {
            EtsiChecks.Range(field + ".objectAge", age, 0, 2047);
        }

        if (o.ObjectPerceptionQuality is { } quality)
        {
            EtsiChecks.Range(field + ".objectPerceptionQuality", quality, 0, 15);
        }

        if (o.Classification is { } classes)
        {
            EtsiChecks.Range(field + ".classification", classes.Count, 1, 8);
            for (int i = 0; i < classes.Count; i++)
            {
                Class($"{field}.classification[{i}]", classes[i]);
            }
        }
    }

    private static void Coordinate(string field, CartesianCoordinateWithConfidence c)
    {
        EtsiChecks.Range(field + ".value", c.Value, -131_072, 131_071);
        EtsiChecks.Range(field + ".confidence", c.Confidence, 1, EtsiUnits.CoordinateConfidenceUnavailable);
    }

    private static void Velocity(string field, Velocity3dWithConfidence v)
    {
        switch (v)
        {
            case { PolarVelocity: { } polar, CartesianVelocity: null }:
                EtsiChecks.Speed(field + ".polarVelocity.velocityMagnitude", polar.VelocityMagnitude);
                EtsiChecks.Angle(field + ".polarVelocity.velocityDirection", polar.VelocityDirection.Value, polar.VelocityDirection.Confidence, "confidence");
                break;
            case { PolarVelocity: null, CartesianVelocity: { } cartesian }:
                Component(field + ".cartesianVelocity.xVelocity", cartesian.XVelocity);
                Component(field + ".cartesianVelocity.yVelocity", cartesian.YVelocity);
                break;
            default:
                throw new ValueChainFormatException(field, null, "a Velocity3dWithConfidence is a CHOICE: exactly one of polarVelocity and cartesianVelocity");
        }
    }

    private static void Component(string field, VelocityComponent c)
    {
        EtsiChecks.Range(field + ".value", c.Value, -16_383, 16_383);
        EtsiChecks.Range(field + ".confidence", c.Confidence, 1, 127);
    }

    private static void Class(string field, ObjectClassWithConfidence c)
    {
        EtsiChecks.Range(field + ".confidence", c.Confidence, 1, 101);
        ObjectClass k = c.ObjectClass;
        int members = (k.VehicleSubClass is null ? 0 : 1) + (k.VruSubClass is null ? 0 : 1) + (k.GroupSubClass is null ? 0 : 1) + (k.OtherSubClass is null ? 0 : 1);
        if (members != 1)
        {
            throw new ValueChainFormatException(field + ".objectClass", null, "an ObjectClass is a CHOICE: exactly one of vehicleSubClass, vruSubClass, groupSubClass and otherSubClass");
        }

        if (k.VehicleSubClass is { } vehicle && !VehicleSubClasses.Contains(vehicle))
        {
            throw new ValueChainFormatException(field + ".objectClass.vehicleSubClass", vehicle.ToString(), "must be 0 (unknown), 5 to 11 or 14 (a vehicle TrafficParticipantType)");
        }

        if (k.OtherSubClass is { } other)
        {
            EtsiChecks.Range(field + ".objectClass.otherSubClass", other, 0, 255);
        }

        if (k.VruSubClass is { } vru)
        {
            Vru(field + ".objectClass.vruSubClass", vru);
        }
    }

    private static void Vru(string field, VruProfileAndSubprofile vru)
    {
        (string Name, string? Value, HashSet<string> Allowed)[] members =
        [
            ("pedestrian", vru.Pedestrian, Pedestrians),
            ("bicyclistAndLightVruVehicle", vru.BicyclistAndLightVruVehicle, Bicyclists),
            ("motorcyclist", vru.Motorcyclist, Motorcyclists),
            ("animal", vru.Animal, Animals),
        ];
        if (members.Count(m => m.Value is not null) != 1)
        {
            throw new ValueChainFormatException(field, null, "a VruProfileAndSubprofile is a CHOICE: exactly one of pedestrian, bicyclistAndLightVruVehicle, motorcyclist and animal");
        }

        foreach ((string name, string? value, HashSet<string> allowed) in members)
        {
            if (value is not null && !allowed.Contains(value))
            {
                throw new ValueChainFormatException(field + "." + name, value, "is not one of " + string.Join(", ", allowed));
            }
        }
    }
}
