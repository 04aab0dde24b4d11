namespace ValueChain.V2V.Interop;

/// <summary>
/// Obstacle reports and terminations to and from DENMs (ETSI EN 302 637-3). The reporter is not a DENM field (in ITS the
/// security envelope authenticates the sender): the caller names the sender station when writing and the reporting trip
/// address when reading. Units and rounding are those of <see cref="EtsiUnits"/> and the V2V README.
/// </summary>
/// <param name="timeScale">How TimestampIts counts (TAI, leap seconds included, by default).</param>
public sealed class DenmConverter(EtsiTimeScale timeScale = EtsiTimeScale.Tai)
{
    /// <summary>The DENM protocol version written (EN 302 637-3 v1.3.1).</summary>
    public const int ProtocolVersion = 2;

    /// <summary>The time scale of the TimestampIts this converter reads and writes.</summary>
    public EtsiTimeScale TimeScale { get; } = timeScale;

    /// <summary>
    /// The DENM announcing <paramref name="report"/>: event position and detection time from the report, the kind as its
    /// cause code (<see cref="EtsiCauseCodes"/>), confidence as information quality, accuracy as a circular confidence
    /// ellipse, and for a moving obstacle its speed and heading in the location container.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="sender">The sending station, which originates the event.</param>
    /// <param name="sequenceNumber">The event's number among the sender's events, 0 to 65 535.</param>
    /// <param name="validityDuration">Seconds after the detection time the event stays valid, 0 to 86 400 (default 600).</param>
    /// <param name="referenceTime">When the DENM is generated (whole milliseconds); the detection time when null.</param>
    /// <param name="motion">The speed and heading confidences of a moving obstacle; unavailable when null.</param>
    /// <exception cref="ValueChainFormatException">The report or an argument is out of range (a detection before 2004, for one); names the field.</exception>
    public Denm ToDenm(ObstacleReport report, DenmSender sender, int sequenceNumber, int validityDuration = DenmManagementContainer.DefaultValidity, DateTimeOffset? referenceTime = null, MotionConfidence? motion = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sender);
        ReportCodec.Validate(report);
        long detected = EtsiTime.ToTimestamp(report.DetectedAt, TimeScale, "detectedAt");
        long reference = referenceTime is { } at ? EtsiTime.ToTimestamp(at, TimeScale, "referenceTime") : detected;
        int semiAxis = EtsiUnits.ToConfidenceCentimetres(report.AccuracyMetres, EtsiUnits.SemiAxisOutOfRange);
        var management = new DenmManagementContainer(
            new ActionId(sender.StationId, sequenceNumber),
            detected,
            reference,
            Position(report.Position, new PosConfidenceEllipse(semiAxis, semiAxis, 0)),
            sender.StationType,
            ValidityDuration: validityDuration);
        var situation = new DenmSituationContainer(EtsiUnits.ToInformationQuality(report.ConfidencePercent), EtsiCauseCodes.Of(report.Kind));
        DenmLocationContainer? location = report is DynamicObstacleReport moving
            ? new DenmLocationContainer(
                [[]],
                new Speed(moving.VelocityCentimetresPerSecond, (motion ?? MotionConfidence.Unavailable).SpeedConfidence),
                new Heading(EtsiUnits.ToHeadingValue(moving.BearingCentidegrees), (motion ?? MotionConfidence.Unavailable).HeadingConfidence))
            : null;
        var denm = new Denm(new DenmHeader(ProtocolVersion, 1, sender.StationId), new DenmBody(management, situation, location));
        DenmValidator.Validate(denm);
        return denm;
    }

    /// <summary>
    /// The report a DENM announces, reported by <paramref name="reporter"/>: dynamic when its location container has an
    /// available speed and heading, static otherwise.
    /// </summary>
    /// <exception cref="ValueChainFormatException">The DENM is malformed; names the field.</exception>
    /// <exception cref="EtsiConversionException">
    /// It is a termination, has no situation container, or holds what a report cannot (an unmapped cause code, an
    /// unavailable position or accuracy, a speed over 100 m/s); names the field.
    /// </exception>
    public ObstacleReport ToReport(Denm denm, Address reporter)
    {
        ArgumentNullException.ThrowIfNull(denm);
        DenmValidator.Validate(denm);
        DenmManagementContainer m = denm.Body.Management;
        if (m.Termination is { } termination)
        {
            throw new EtsiConversionException("denm.management.termination", Identifier(termination), "a termination DENM announces no obstacle: read it with ToTermination");
        }

        DenmSituationContainer situation = denm.Body.Situation
            ?? throw new EtsiConversionException("denm.situation", null, "a report needs the situation container's event type");
        ObstacleKind kind = EtsiCauseCodes.KindOf(situation.EventType, "denm.situation.eventType");
        DateTimeOffset detectedAt = EtsiTime.FromTimestamp(m.DetectionTime, TimeScale, "denm.management.detectionTime");
        GeoPoint position = PositionOf(m.EventPosition, "denm.management.eventPosition");
        PosConfidenceEllipse ellipse = m.EventPosition.PositionConfidenceEllipse;
        int accuracy = EtsiUnits.ToAccuracyMetres(
            Math.Max(ellipse.SemiMajorConfidence, ellipse.SemiMinorConfidence),
            EtsiUnits.SemiAxisOutOfRange,
            "denm.management.eventPosition.positionConfidenceEllipse.semiMajorConfidence");
        int confidence = EtsiUnits.ToConfidencePercent(situation.InformationQuality);
        ObstacleReport report = denm.Body.Location is { EventSpeed: { SpeedValue: not EtsiUnits.SpeedUnavailable } speed, EventPositionHeading: { HeadingValue: not EtsiUnits.AngleUnavailable } heading }
            ? new DynamicObstacleReport(reporter, detectedAt, position, accuracy, kind, confidence, SpeedOf(speed.SpeedValue, "denm.location.eventSpeed.speedValue"), BearingOf(heading.HeadingValue, "denm.location.eventPositionHeading.headingValue"))
            : new StaticObstacleReport(reporter, detectedAt, position, accuracy, kind, confidence);
        ReportCodec.Validate(report);
        return report;
    }

    /// <summary>The speed and heading confidences of a DENM's location container (unavailable where absent).</summary>
    public static MotionConfidence MotionConfidenceOf(Denm denm)
    {
        ArgumentNullException.ThrowIfNull(denm);
        DenmLocationContainer? location = denm.Body.Location;
        return new MotionConfidence(
            location?.EventSpeed?.SpeedConfidence ?? MotionConfidence.UnavailableValue,
            location?.EventPositionHeading?.HeadingConfidence ?? MotionConfidence.UnavailableValue);
    }

    /// <summary>When the DENM's event stops being valid: its detection time plus its validity duration.</summary>
    /// <exception cref="ValueChainFormatException">The DENM is malformed; names the field.</exception>
    public DateTimeOffset ValidUntil(Denm denm)
    {
        ArgumentNullException.ThrowIfNull(denm);
        DenmValidator.Validate(denm);
        return EtsiTime.FromTimestamp(denm.Body.Management.DetectionTime, TimeScale, "denm.management.detectionTime")
            .AddSeconds(denm.Body.Management.ValidityDuration);
    }

    /// <summary>
    /// The cancellation or negation DENM of an ended event, sent by <paramref name="sender"/>. The event position carries
    /// no confidence (a mapped obstacle keeps none): its ellipse is written unavailable; the information quality too.
    /// </summary>
    /// <exception cref="ValueChainFormatException">A field is out of range; names it.</exception>
    public Denm ToDenm(ObstacleTermination termination, DenmSender sender)
    {
        ArgumentNullException.ThrowIfNull(termination);
        ArgumentNullException.ThrowIfNull(sender);
        var unavailable = new PosConfidenceEllipse(EtsiUnits.SemiAxisUnavailable, EtsiUnits.SemiAxisUnavailable, EtsiUnits.AngleUnavailable);
        var management = new DenmManagementContainer(
            termination.Event,
            EtsiTime.ToTimestamp(termination.DetectedAt, TimeScale, "detectedAt"),
            EtsiTime.ToTimestamp(termination.TerminatedAt, TimeScale, "terminatedAt"),
            Position(termination.Position, unavailable),
            sender.StationType,
            termination.Termination);
        var denm = new Denm(new DenmHeader(ProtocolVersion, 1, sender.StationId), new DenmBody(management, new DenmSituationContainer(0, EtsiCauseCodes.Of(termination.Kind))));
        DenmValidator.Validate(denm);
        return denm;
    }

    /// <summary>The event a cancellation or negation DENM ends.</summary>
    /// <exception cref="ValueChainFormatException">The DENM is malformed; names the field.</exception>
    /// <exception cref="EtsiConversionException">It is no termination, has no event type, or holds what a termination cannot (an unmapped cause code, an unavailable position); names the field.</exception>
    public ObstacleTermination ToTermination(Denm denm)
    {
        ArgumentNullException.ThrowIfNull(denm);
        DenmValidator.Validate(denm);
        DenmManagementContainer m = denm.Body.Management;
        DenmTermination termination = m.Termination
            ?? throw new EtsiConversionException("denm.management.termination", null, "the DENM announces an event rather than ending one: read it with ToReport");
        DenmSituationContainer situation = denm.Body.Situation
            ?? throw new EtsiConversionException("denm.situation", null, "a termination needs the event type to say which obstacle it ends");
        return new ObstacleTermination(
            m.ActionId,
            EtsiCauseCodes.KindOf(situation.EventType, "denm.situation.eventType"),
            PositionOf(m.EventPosition, "denm.management.eventPosition"),
            EtsiTime.FromTimestamp(m.DetectionTime, TimeScale, "denm.management.detectionTime"),
            EtsiTime.FromTimestamp(m.ReferenceTime, TimeScale, "denm.management.referenceTime"),
            termination);
    }

    /// <summary>A position as a CDD <c>ReferencePosition</c> with the given ellipse and no altitude.</summary>
    internal static ReferencePosition Position(GeoPoint point, PosConfidenceEllipse ellipse) => new(
        EtsiUnits.ToTenthMicrodegrees(point.LatitudeMicrodegrees),
        EtsiUnits.ToTenthMicrodegrees(point.LongitudeMicrodegrees),
        ellipse,
        Altitude.Unavailable);

    /// <summary>The microdegree position of a CDD <c>ReferencePosition</c>.</summary>
    /// <exception cref="EtsiConversionException">The latitude or longitude is unavailable; names it below <paramref name="field"/>.</exception>
    internal static GeoPoint PositionOf(ReferencePosition position, string field)
    {
        if (position.Latitude == EtsiUnits.LatitudeUnavailable)
        {
            throw new EtsiConversionException(field + ".latitude", position.Latitude.ToString(), "the latitude is unavailable");
        }

        if (position.Longitude == EtsiUnits.LongitudeUnavailable)
        {
            throw new EtsiConversionException(field + ".longitude", position.Longitude.ToString(), "the longitude is unavailable");
        }

        return new GeoPoint(EtsiUnits.ToMicrodegrees(position.Latitude), EtsiUnits.ToMicrodegrees(position.Longitude));
    }

    /// <summary>A <c>SpeedValue</c> in cm/s, which a report holds up to 100 m/s.</summary>
    internal static int SpeedOf(int speedValue, string field) => speedValue switch
    {
        EtsiUnits.SpeedOutOfRange => throw new EtsiConversionException(field, speedValue.ToString(), "the speed is out of range (over 163.81 m/s)"),
        > ReportCodec.MaxVelocity => throw new EtsiConversionException(field, speedValue.ToString(), $"a report holds speeds up to {ReportCodec.MaxVelocity} cm/s"),
        _ => speedValue,
    };

    private static int BearingOf(int headingValue, string field) => headingValue == 3600
        ? throw new ValueChainFormatException(field, "3600", "the value 3600 shall not be used")
        : EtsiUnits.ToBearing(headingValue);

    private static string Identifier(DenmTermination termination) => termination == DenmTermination.IsNegation ? "isNegation" : "isCancellation";
}
