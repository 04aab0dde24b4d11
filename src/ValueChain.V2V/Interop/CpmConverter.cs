namespace ValueChain.V2V.Interop;

/// <summary>
/// Moving-obstacle reports to and from the perceived objects of a CPM (ETSI TS 103 324 v2.1.1): positions as east / north
/// offsets in cm from the CPM's reference position (<see cref="LocalTangentPlane"/>), detection time as a delta from its
/// reference time, velocity as speed and direction (counter-clockwise from east), orientation as the z angle, kind as the
/// object's class, confidence as the class confidence. Units and rounding are those of <see cref="EtsiUnits"/> and the V2V README.
/// </summary>
/// <param name="timeScale">How TimestampIts counts (TAI, leap seconds included, by default).</param>
public sealed class CpmConverter(EtsiTimeScale timeScale = EtsiTimeScale.Tai)
{
    /// <summary>The CPM protocol version (TS 103 324 v2.1.1).</summary>
    public const int ProtocolVersion = 2;

    /// <summary>The CPM message id.</summary>
    public const int MessageId = 14;

    private const int CoordinateNegativeOutOfRange = -131_072;
    private const int CoordinatePositiveOutOfRange = 131_071;

    /// <summary>The time scale of the TimestampIts this converter reads and writes.</summary>
    public EtsiTimeScale TimeScale { get; } = timeScale;

    /// <summary>A CPM with one perceived object container holding <paramref name="obstacles"/>, relative to <paramref name="reference"/>.</summary>
    /// <exception cref="ValueChainFormatException">A report or the reference is out of range; names the field.</exception>
    /// <exception cref="EtsiConversionException">An obstacle lies beyond the CPM's offsets or time deltas, or has a kind a CPM does not classify; names the field.</exception>
    public Cpm ToCpm(IReadOnlyList<PerceivedObstacle> obstacles, CpmReference reference)
    {
        ArgumentNullException.ThrowIfNull(obstacles);
        ArgumentNullException.ThrowIfNull(reference);
        var objects = obstacles.Select(o => ToPerceivedObject(o, reference)).ToList();
        int semiAxis = reference.AccuracyMetres is { } metres
            ? EtsiUnits.ToConfidenceCentimetres(metres, EtsiUnits.SemiAxisOutOfRange)
            : EtsiUnits.SemiAxisUnavailable;
        var management = new CpmManagementContainer(
            EtsiTime.ToTimestamp(reference.ReferenceTime, TimeScale, "referenceTime"),
            DenmConverter.Position(reference.Position, new PosConfidenceEllipse(semiAxis, semiAxis, 0)));
        var cpm = new Cpm(new CpmHeader(ProtocolVersion, MessageId, reference.StationId), new CpmPayload(management, [EtsiJson.Wrap(new PerceivedObjectContainer(objects.Count, objects))]));
        CpmValidator.ValidateEnvelope(cpm);
        return cpm;
    }

    /// <summary>The moving obstacles of every perceived object container of <paramref name="cpm"/>, reported by <paramref name="reporter"/>.</summary>
    /// <exception cref="ValueChainFormatException">The CPM is malformed; names the field.</exception>
    /// <exception cref="EtsiConversionException">An object holds what a report cannot (no velocity, a saturated offset or time delta, an unavailable value); names the field.</exception>
    public IReadOnlyList<PerceivedObstacle> ToObstacles(Cpm cpm, Address reporter)
    {
        IReadOnlyList<(string Path, PerceivedObject Object)> objects = EtsiJson.LocatedObjectsOf(cpm);
        CpmReference reference = ReferenceOf(cpm);
        return objects.Select(o => ToObstacle(o.Object, reference, reporter, o.Path)).ToList();
    }

    /// <summary>The reference (station, time, position) of a CPM.</summary>
    /// <exception cref="ValueChainFormatException">The CPM is malformed; names the field.</exception>
    /// <exception cref="EtsiConversionException">The reference position is unavailable; names the field.</exception>
    public CpmReference ReferenceOf(Cpm cpm)
    {
        CpmValidator.ValidateEnvelope(cpm);
        CpmManagementContainer m = cpm.Payload.ManagementContainer;
        PosConfidenceEllipse ellipse = m.ReferencePosition.PositionConfidenceEllipse;
        int semiAxis = Math.Max(ellipse.SemiMajorConfidence, ellipse.SemiMinorConfidence);
        return new CpmReference(
            cpm.Header.StationId,
            EtsiTime.FromTimestamp(m.ReferenceTime, TimeScale, "payload.managementContainer.referenceTime"),
            DenmConverter.PositionOf(m.ReferencePosition, "payload.managementContainer.referencePosition"),
            semiAxis == EtsiUnits.SemiAxisUnavailable ? null : EtsiUnits.ToAccuracyMetres(semiAxis, EtsiUnits.SemiAxisOutOfRange, "payload.managementContainer.referencePosition.positionConfidenceEllipse"));
    }

    /// <summary>One moving obstacle as a perceived object relative to <paramref name="reference"/>.</summary>
    /// <exception cref="ValueChainFormatException">The report is out of range; names the field.</exception>
    /// <exception cref="EtsiConversionException">It lies beyond ±1310.7 m or ±2.046 s of the reference, or its kind is an event a CPM does not classify (accident, roadworks); names the field.</exception>
    public PerceivedObject ToPerceivedObject(PerceivedObstacle obstacle, CpmReference reference)
    {
        ArgumentNullException.ThrowIfNull(obstacle);
        ArgumentNullException.ThrowIfNull(reference);
        DynamicObstacleReport report = obstacle.Report;
        ReportCodec.Validate(report);
        EtsiChecks.Range("objectId", obstacle.ObjectId, 0, ushort.MaxValue);
        long delta = EtsiTime.ToTimestamp(report.DetectedAt, TimeScale, "detectedAt") - EtsiTime.ToTimestamp(reference.ReferenceTime, TimeScale, "referenceTime");
        if (delta is < -2047 or > 2046)
        {
            throw new EtsiConversionException("measurementDeltaTime", delta.ToString(), "a CPM object is measured within −2.047 s to +2.046 s of the CPM's reference time");
        }

        (double east, double north) = LocalTangentPlane.Offset(reference.Position, report.Position);
        int confidence = EtsiUnits.ToConfidenceCentimetres(report.AccuracyMetres, EtsiUnits.CoordinateConfidenceOutOfRange);
        MotionConfidence motion = obstacle.Motion ?? MotionConfidence.Unavailable;
        var direction = new CartesianAngle(EtsiUnits.ToCartesianAngle(report.BearingCentidegrees), motion.HeadingConfidence);
        return new PerceivedObject(
            (int)delta,
            new CartesianPosition3dWithConfidence(
                new CartesianCoordinateWithConfidence(Coordinate(east, "position.xCoordinate.value"), confidence),
                new CartesianCoordinateWithConfidence(Coordinate(north, "position.yCoordinate.value"), confidence)),
            obstacle.ObjectId,
            new Velocity3dWithConfidence(new VelocityPolarWithZ(new Speed(report.VelocityCentimetresPerSecond, motion.SpeedConfidence), direction)),
            new EulerAnglesWithConfidence(direction),
            Classification: [new ObjectClassWithConfidence(ClassOf(report.Kind), EtsiUnits.ToConfidenceLevel(report.ConfidencePercent))]);
    }

    /// <summary>The moving obstacle a perceived object describes, reported by <paramref name="reporter"/>.</summary>
    /// <exception cref="EtsiConversionException">It has no velocity, a saturated offset or time delta, or an unavailable value; names the field below <paramref name="field"/>.</exception>
    public PerceivedObstacle ToObstacle(PerceivedObject perceived, CpmReference reference, Address reporter, string field = "perceivedObject")
    {
        ArgumentNullException.ThrowIfNull(perceived);
        ArgumentNullException.ThrowIfNull(reference);
        if (perceived.MeasurementDeltaTime is -2048 or 2047)
        {
            throw new EtsiConversionException(field + ".measurementDeltaTime", perceived.MeasurementDeltaTime.ToString(), "the delta is saturated (2.047 s or more): the detection time is not known");
        }

        long east = Offset(perceived.Position.XCoordinate.Value, field + ".position.xCoordinate.value");
        long north = Offset(perceived.Position.YCoordinate.Value, field + ".position.yCoordinate.value");
        int accuracy = EtsiUnits.ToAccuracyMetres(
            Math.Max(perceived.Position.XCoordinate.Confidence, perceived.Position.YCoordinate.Confidence),
            EtsiUnits.CoordinateConfidenceOutOfRange,
            field + ".position.xCoordinate.confidence");
        (int speed, int bearing, MotionConfidence motion) = MotionOf(perceived, field);
        (ObstacleKind kind, int confidence) = KindOf(perceived.Classification, field + ".classification");
        var report = new DynamicObstacleReport(
            reporter,
            EtsiTime.FromTimestamp(EtsiTime.ToTimestamp(reference.ReferenceTime, TimeScale, "referenceTime") + perceived.MeasurementDeltaTime, TimeScale, field + ".measurementDeltaTime"),
            LocalTangentPlane.Position(reference.Position, east, north),
            accuracy,
            kind,
            confidence,
            speed,
            bearing);
        ReportCodec.Validate(report);
        return new PerceivedObstacle(perceived.ObjectId ?? 0, report, motion);
    }

    /// <summary>The object class of an obstacle kind.</summary>
    /// <exception cref="EtsiConversionException">The kind is an event, not an object (accident, roadworks): send a DENM.</exception>
    public static ObjectClass ClassOf(ObstacleKind kind) => kind switch
    {
        ObstacleKind.Pedestrian => new ObjectClass(VruSubClass: new VruProfileAndSubprofile(Pedestrian: "unavailable")),
        ObstacleKind.Animal => new ObjectClass(VruSubClass: new VruProfileAndSubprofile(Animal: "unavailable")),
        ObstacleKind.StoppedVehicle => new ObjectClass(VehicleSubClass: 0),
        ObstacleKind.Debris => new ObjectClass(OtherSubClass: 1),
        ObstacleKind.Other => new ObjectClass(OtherSubClass: 0),
        _ => throw new EtsiConversionException("kind", kind.ToString(), "a CPM classifies objects, not events: announce an accident or roadworks with a DENM"),
    };

    // CartesianCoordinateLarge: n covers ((n − 1) cm, n cm], so the value is rounded up; the tolerance keeps a value
    // that is a whole cm up to floating-point noise on its own edge.
    private static int Coordinate(double centimetres, string field)
    {
        double rounded = Math.Ceiling(centimetres - 1e-6);
        return rounded is <= CoordinateNegativeOutOfRange or >= CoordinatePositiveOutOfRange
            ? throw new EtsiConversionException(field, centimetres.ToString("F1"), "a CPM object lies within ±1310.70 m of the reference position")
            : (int)rounded;
    }

    private static long Offset(int value, string field) => value is CoordinateNegativeOutOfRange or CoordinatePositiveOutOfRange
        ? throw new EtsiConversionException(field, value.ToString(), "the offset is out of range (beyond ±1310.7 m): the position is not known")
        : value;

    private static (int Speed, int Bearing, MotionConfidence Motion) MotionOf(PerceivedObject perceived, string field)
    {
        switch (perceived.Velocity)
        {
            case { PolarVelocity: { } polar }:
                int value = polar.VelocityMagnitude.SpeedValue;
                if (value == EtsiUnits.SpeedUnavailable || polar.VelocityDirection.Value == EtsiUnits.AngleUnavailable)
                {
                    throw new EtsiConversionException(field + ".velocity.polarVelocity", value.ToString(), "the speed or its direction is unavailable");
                }

                if (polar.VelocityDirection.Value == 3600)
                {
                    throw new ValueChainFormatException(field + ".velocity.polarVelocity.velocityDirection.value", "3600", "the value 3600 shall not be used");
                }

                return (
                    DenmConverter.SpeedOf(value, field + ".velocity.polarVelocity.velocityMagnitude.speedValue"),
                    EtsiUnits.FromCartesianAngle(polar.VelocityDirection.Value),
                    new MotionConfidence(polar.VelocityMagnitude.SpeedConfidence, polar.VelocityDirection.Confidence));
            case { CartesianVelocity: { } cartesian }:
                return FromComponents(cartesian, field + ".velocity.cartesianVelocity");
            default:
                throw new EtsiConversionException(field + ".velocity", null, "a moving obstacle report needs the object's velocity");
        }
    }

    // East and north components to speed (to the nearest cm/s) and bearing (to the nearest 0.01°, clockwise from north).
    private static (int Speed, int Bearing, MotionConfidence Motion) FromComponents(VelocityCartesian v, string field)
    {
        foreach ((VelocityComponent c, string name) in new[] { (v.XVelocity, "xVelocity"), (v.YVelocity, "yVelocity") })
        {
            if (c.Value is -16_383 or 16_382 or 16_383)
            {
                throw new EtsiConversionException($"{field}.{name}.value", c.Value.ToString(), "the component is out of range or unavailable");
            }
        }

        double speed = Math.Round(Math.Sqrt(((double)v.XVelocity.Value * v.XVelocity.Value) + ((double)v.YVelocity.Value * v.YVelocity.Value)), MidpointRounding.AwayFromZero);
        int bearing = (int)Math.Round(Math.Atan2(v.XVelocity.Value, v.YVelocity.Value) * 18_000 / Math.PI, MidpointRounding.AwayFromZero);
        bearing = ((bearing % 36_000) + 36_000) % 36_000;
        int speedConfidence = Math.Max(v.XVelocity.Confidence, v.YVelocity.Confidence);
        return (DenmConverter.SpeedOf((int)speed, field), bearing, new MotionConfidence(speedConfidence, MotionConfidence.UnavailableValue));
    }

    // The most confident class that maps to a kind; no class at all reads as Other with 0 % confidence.
    private static (ObstacleKind Kind, int Confidence) KindOf(IReadOnlyList<ObjectClassWithConfidence>? classes, string field)
    {
        if (classes is null || classes.Count == 0)
        {
            return (ObstacleKind.Other, 0);
        }

        ObjectClassWithConfidence best = classes.OrderByDescending(c => EtsiUnits.FromConfidenceLevel(c.Confidence)).First();
        ObjectClass k = best.ObjectClass;
        ObstacleKind kind = k switch
        {
            { VruSubClass.Pedestrian: not null } or { VruSubClass.BicyclistAndLightVruVehicle: not null } or { VruSubClass.Motorcyclist: not null } => ObstacleKind.Pedestrian,
            { VruSubClass.Animal: not null } => ObstacleKind.Animal,
            { VehicleSubClass: not null } => ObstacleKind.StoppedVehicle,
            { OtherSubClass: 0 } => ObstacleKind.Other,
            { OtherSubClass: 1 or 2 or 3 } => ObstacleKind.Debris,
            { OtherSubClass: { } other } => throw new EtsiConversionException(field + ".objectClass.otherSubClass", other.ToString(), "only 0 to 3 are defined"),
            _ => throw new EtsiConversionException(field + ".objectClass", "groupSubClass", "a group of road users is no obstacle kind"),
        };
        return (kind, EtsiUnits.FromConfidenceLevel(best.Confidence));
    }
}
