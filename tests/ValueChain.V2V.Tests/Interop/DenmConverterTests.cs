using CsCheck;
using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class DenmConverterTests
{
    private static readonly DenmConverter Converter = new();

    [Fact]
    public void A_report_becomes_a_denm_with_etsi_units()
    {
        Denm denm = Converter.ToDenm(EtsiSamples.Animal, EtsiSamples.Car, 18);
        DenmManagementContainer m = denm.Body.Management;

        Assert.Equal((593_293_000, 180_686_000), (m.EventPosition.Latitude, m.EventPosition.Longitude));
        Assert.Equal(new PosConfidenceEllipse(200, 200, 0), m.EventPosition.PositionConfidenceEllipse);
        Assert.Equal(EtsiTime.ToTimestamp(EtsiSamples.At), m.DetectionTime);
        Assert.Equal(m.DetectionTime, m.ReferenceTime);
        Assert.Equal((600, 5, (DenmTermination?)null), (m.ValidityDuration, m.StationType, m.Termination));
        Assert.Equal(new ActionId(EtsiSamples.Car.StationId, 18), m.ActionId);
        Assert.Equal(new DenmSituationContainer(5, new CauseCode(11, 0)), denm.Body.Situation);
        Assert.Equal(new Speed(420, 127), denm.Body.Location!.EventSpeed);
        Assert.Equal(new Heading(1356, 127), denm.Body.Location.EventPositionHeading);
        Assert.Null(Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1).Body.Location);
    }

    [Fact]
    public void Negative_coordinates_round_trip_exactly_and_read_to_the_nearest_microdegree()
    {
        var south = EtsiSamples.Debris with { Position = new GeoPoint(-90_000_000, -180_000_000) };
        Denm denm = Converter.ToDenm(south, EtsiSamples.Car, 1);

        Assert.Equal((-900_000_000, -1_800_000_000), (denm.Body.Management.EventPosition.Latitude, denm.Body.Management.EventPosition.Longitude));
        Assert.Equal(south.Position, Converter.ToReport(denm, EtsiSamples.Trip).Position);
        Denm finer = denm with { Body = denm.Body with { Management = denm.Body.Management with { EventPosition = denm.Body.Management.EventPosition with { Latitude = -338_688_205, Longitude = -706_500_004 } } } };
        Assert.Equal(new GeoPoint(-33_868_821, -70_650_000), Converter.ToReport(finer, EtsiSamples.Trip).Position);
    }

    [Fact]
    public void The_validity_duration_counts_from_the_detection_time()
    {
        Denm denm = Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1, validityDuration: 86_400);

        Assert.Equal(EtsiSamples.At.AddDays(1), Converter.ValidUntil(denm));
        Assert.Equal(EtsiSamples.At.AddSeconds(600), Converter.ValidUntil(Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1)));
        Assert.Equal("denm.management.validityDuration", Assert.Throws<ValueChainFormatException>(() => Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1, validityDuration: 86_401)).ParameterName);
    }

    [Fact]
    public void A_report_detected_before_2004_has_no_timestamp()
    {
        var old = EtsiSamples.Debris with { DetectedAt = new DateTimeOffset(2003, 12, 31, 23, 59, 59, TimeSpan.Zero) };

        Assert.Equal("detectedAt", Assert.Throws<ValueChainFormatException>(() => Converter.ToDenm(old, EtsiSamples.Car, 1)).ParameterName);
    }

    [Theory]
    [InlineData(-1, "denm.management.actionID.sequenceNumber")]
    [InlineData(65_536, "denm.management.actionID.sequenceNumber")]
    public void Arguments_out_of_their_asn1_range_are_refused_naming_the_field(int sequence, string field)
    {
        Assert.Equal(field, Assert.Throws<ValueChainFormatException>(() => Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, sequence)).ParameterName);
        Assert.Equal("header.stationID", Assert.Throws<ValueChainFormatException>(() => Converter.ToDenm(EtsiSamples.Debris, new DenmSender(4_294_967_296), 1)).ParameterName);
    }

    [Theory]
    [InlineData("latitude", 900_000_001)]
    [InlineData("longitude", 1_800_000_001)]
    public void An_unavailable_event_position_is_refused_naming_the_field(string member, int value)
    {
        Denm denm = Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1);
        ReferencePosition p = denm.Body.Management.EventPosition;
        ReferencePosition unavailable = member == "latitude" ? p with { Latitude = value } : p with { Longitude = value };
        Denm spoiled = denm with { Body = denm.Body with { Management = denm.Body.Management with { EventPosition = unavailable } } };

        var error = Assert.Throws<EtsiConversionException>(() => Converter.ToReport(spoiled, EtsiSamples.Trip));

        Assert.Equal("denm.management.eventPosition." + member, error.Field);
    }

    [Fact]
    public void An_unavailable_position_confidence_is_refused_and_an_out_of_range_one_reads_as_1000_m()
    {
        Denm denm = Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1);
        Denm WithEllipse(int major) => denm with { Body = denm.Body with { Management = denm.Body.Management with { EventPosition = denm.Body.Management.EventPosition with { PositionConfidenceEllipse = new PosConfidenceEllipse(major, 100, 0) } } } };

        Assert.Equal("denm.management.eventPosition.positionConfidenceEllipse.semiMajorConfidence", Assert.Throws<EtsiConversionException>(() => Converter.ToReport(WithEllipse(4095), EtsiSamples.Trip)).Field);
        Assert.Equal(1000, Converter.ToReport(WithEllipse(4094), EtsiSamples.Trip).AccuracyMetres);
        Assert.Equal(41, Converter.ToReport(WithEllipse(4093), EtsiSamples.Trip).AccuracyMetres);
        Assert.Equal("denm.management.eventPosition.positionConfidenceEllipse.semiMajorConfidence", Assert.Throws<ValueChainFormatException>(() => Converter.ToReport(WithEllipse(0), EtsiSamples.Trip)).ParameterName);
    }

    [Fact]
    public void A_denm_with_an_unavailable_speed_or_heading_reads_as_a_static_report_and_one_beyond_100_m_per_s_is_refused()
    {
        Denm denm = Converter.ToDenm(EtsiSamples.Animal, EtsiSamples.Car, 1);
        DenmLocationContainer location = denm.Body.Location!;

        Assert.IsType<StaticObstacleReport>(Converter.ToReport(denm with { Body = denm.Body with { Location = location with { EventSpeed = new Speed(16_383, 127) } } }, EtsiSamples.Trip));
        Assert.IsType<StaticObstacleReport>(Converter.ToReport(denm with { Body = denm.Body with { Location = location with { EventPositionHeading = null } } }, EtsiSamples.Trip));
        var fast = Assert.Throws<EtsiConversionException>(() => Converter.ToReport(denm with { Body = denm.Body with { Location = location with { EventSpeed = new Speed(10_001, 127) } } }, EtsiSamples.Trip));
        Assert.Equal("denm.location.eventSpeed.speedValue", fast.Field);
        Assert.Equal("denm.location.eventPositionHeading.headingValue", Assert.Throws<ValueChainFormatException>(() => Converter.ToReport(denm with { Body = denm.Body with { Location = location with { EventPositionHeading = new Heading(3600, 1) } } }, EtsiSamples.Trip)).ParameterName);
    }

    [Fact]
    public void Terminations_and_announcements_are_not_confused()
    {
        Denm negation = Converter.ToDenm(EtsiSamples.Negation, EtsiSamples.Car);
        Denm announcement = Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 17);

        Assert.Equal("denm.management.termination", Assert.Throws<EtsiConversionException>(() => Converter.ToReport(negation, EtsiSamples.Trip)).Field);
        Assert.Equal("denm.management.termination", Assert.Throws<EtsiConversionException>(() => Converter.ToTermination(announcement)).Field);
        Assert.Equal("denm.situation", Assert.Throws<EtsiConversionException>(() => Converter.ToReport(announcement with { Body = announcement.Body with { Situation = null } }, EtsiSamples.Trip)).Field);
    }

    [Fact]
    public void A_negated_obstacle_ends_in_a_negation_and_an_expired_one_in_a_cancellation()
    {
        var obstacle = new Obstacle(4, ObstacleKind.Animal, EtsiSamples.Animal.Position, true, 420, 13_557, EtsiSamples.At, EtsiSamples.At, EtsiSamples.Trip, default, 2, 1, EtsiSamples.At, EtsiSamples.At, ObstacleStatus.Negated);
        var action = new ActionId(9, 9);

        Assert.Equal(DenmTermination.IsNegation, ObstacleTermination.Of(obstacle, action, EtsiSamples.At.AddMinutes(1)).Termination);
        Assert.Equal(DenmTermination.IsCancellation, ObstacleTermination.Of(obstacle with { Status = ObstacleStatus.Expired }, action, EtsiSamples.At.AddMinutes(10)).Termination);
        Assert.Equal("status", Assert.Throws<EtsiConversionException>(() => ObstacleTermination.Of(obstacle with { Status = ObstacleStatus.Active }, action, EtsiSamples.At)).Field);
        ObstacleTermination cancellation = ObstacleTermination.Of(obstacle with { Status = ObstacleStatus.Expired }, action, EtsiSamples.At.AddMinutes(10));
        Assert.Equal(cancellation, Converter.ToTermination(Converter.ToDenm(cancellation, new DenmSender(9, DenmSender.RoadSideUnit))));
    }

    [Fact]
    public void On_the_utc_scale_timestamps_omit_the_leap_seconds()
    {
        Denm tai = Converter.ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1);
        Denm utc = new DenmConverter(EtsiTimeScale.Utc).ToDenm(EtsiSamples.Debris, EtsiSamples.Car, 1);

        Assert.Equal(5000, tai.Body.Management.DetectionTime - utc.Body.Management.DetectionTime);
        Assert.Equal(EtsiSamples.Debris.DetectedAt, new DenmConverter(EtsiTimeScale.Utc).ToReport(utc, EtsiSamples.Trip).DetectedAt);
    }

    [Fact]
    public void Report_to_denm_to_report_equals_the_original_within_the_documented_rounding()
    {
        EtsiGenerators.Reports.Sample(report =>
        {
            Denm denm = EtsiJson.ParseDenm(EtsiJson.Write(Converter.ToDenm(report, EtsiSamples.Car, 1)));
            ObstacleReport back = Converter.ToReport(denm, report.Reporter);

            Assert.Equal(report.GetType(), back.GetType());
            Assert.Equal((report.DetectedAt, report.Position, report.Kind), (back.DetectedAt, back.Position, back.Kind));
            Assert.Equal(report.AccuracyMetres <= 40 ? report.AccuracyMetres : 1000, back.AccuracyMetres);
            Assert.InRange(report.ConfidencePercent - back.ConfidencePercent, 0, 14);
            Assert.Equal(EtsiUnits.ToInformationQuality(report.ConfidencePercent), EtsiUnits.ToInformationQuality(back.ConfidencePercent));
            if (report is DynamicObstacleReport moving)
            {
                var movingBack = (DynamicObstacleReport)back;
                Assert.Equal(moving.VelocityCentimetresPerSecond, movingBack.VelocityCentimetresPerSecond);
                int turn = ((movingBack.BearingCentidegrees - moving.BearingCentidegrees + 18_000) % 36_000 + 36_000) % 36_000 - 18_000;
                Assert.InRange(turn, -4, 5);
            }
        });
    }

    [Fact]
    public void Denm_to_report_to_denm_is_exact_for_values_a_report_holds()
    {
        Gen<(CauseCode, int, int, int, int)> situations = Gen.Select(EtsiGenerators.Kinds.Select(EtsiCauseCodes.Of), Gen.Int[0, 7], Gen.OneOf(Gen.Int[1, 40].Select(m => m * 100), Gen.Const(4094)), Gen.Int[0, 86_400], Gen.Int[0, 255]);
        Gen<(long, int, long, int, int)> managements = Gen.Select(Gen.Long[0, uint.MaxValue], Gen.Int[0, 65_535], EtsiGenerators.Times.Select(t => EtsiTime.ToTimestamp(t)), Gen.Int[-90_000_000, 90_000_000], Gen.Int[-180_000_000, 180_000_000]);
        Gen<(int, int, int, int)?> motions = Gen.OneOf(Gen.Const(((int, int, int, int)?)null), Gen.Select(Gen.Int[0, ReportCodec.MaxVelocity], Gen.Int[1, 127], Gen.Int[0, 3599], Gen.Int[1, 127]).Select(m => ((int, int, int, int)?)m));
        Gen.Select(managements, situations, motions).Sample((management, situation, motion) =>
        {
            (long station, int sequence, long time, int lat, int lon) = management;
            (CauseCode cause, int quality, int semiAxis, int validity, int stationType) = situation;
            var body = new DenmBody(
                new DenmManagementContainer(new ActionId(station, sequence), time, time, new ReferencePosition(lat * 10, lon * 10, new PosConfidenceEllipse(semiAxis, semiAxis, 0), Altitude.Unavailable), stationType, null, validity),
                new DenmSituationContainer(quality, cause),
                motion is var (speed, speedConfidence, heading, headingConfidence) ? new DenmLocationContainer([[]], new Speed(speed, speedConfidence), new Heading(heading, headingConfidence)) : null);
            var denm = new Denm(new DenmHeader(2, 1, station), body);

            ObstacleReport report = Converter.ToReport(denm, EtsiSamples.Trip);
            Denm again = Converter.ToDenm(report, new DenmSender(station, stationType), sequence, validity, motion: DenmConverter.MotionConfidenceOf(denm));

            Assert.Equal(EtsiJson.Write(denm), EtsiJson.Write(again));
        });
    }

    [Fact]
    public void Terminations_round_trip_exactly()
    {
        Gen.Select(EtsiGenerators.Positions, EtsiGenerators.Times, Gen.Int[0, 600_000], EtsiGenerators.Kinds, Gen.Bool, Gen.Long[0, uint.MaxValue]).Sample((position, at, later, kind, negation, station) =>
        {
            var termination = new ObstacleTermination(new ActionId(station, 3), kind, position, at, at.AddMilliseconds(later), negation ? DenmTermination.IsNegation : DenmTermination.IsCancellation);

            Assert.Equal(termination, Converter.ToTermination(EtsiJson.ParseDenm(EtsiJson.Write(Converter.ToDenm(termination, new DenmSender(station))))));
        });
    }
}
