using CsCheck;
using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

public sealed class CpmConverterTests
{
    private static readonly CpmConverter Converter = new();

    private static readonly ObstacleKind[] ObjectKinds = [ObstacleKind.Debris, ObstacleKind.StoppedVehicle, ObstacleKind.Animal, ObstacleKind.Pedestrian, ObstacleKind.Other];

    // A reference within ±latitude and a moving obstacle within about 1 km of it, measured within ±2 s of its time.
    private static Gen<(CpmReference Reference, PerceivedObstacle Obstacle)> Scenes(long maxLatitude) => Gen.Select(
        Gen.Select(Gen.Long[-maxLatitude, maxLatitude], Gen.Long[-180_000_000, 180_000_000], EtsiGenerators.Times, Gen.Int[-2047, 2046]),
        Gen.Select(Gen.Long[-8_000, 8_000], Gen.Long[-8_000, 8_000], Gen.OneOf(Gen.Int[1, 45], Gen.Int[1, 1000]), Gen.Int[0, 100], Gen.Select(Gen.Int[0, ReportCodec.MaxVelocity], Gen.Int[0, 35_999])),
        Gen.Select(Gen.Int[0, ObjectKinds.Length - 1], Gen.Int[0, 65_535], EtsiGenerators.Confidences, Gen.OneOf(Gen.Const((int?)null), Gen.Int[1, 40].Select(m => (int?)m))),
        (reference, report, rest) =>
        {
            (long lat, long lon, DateTimeOffset at, int delta) = reference;
            (long dLat, long dLon, int accuracy, int confidence, (int velocity, int bearing)) = report;
            (int kind, int id, MotionConfidence motion, int? referenceAccuracy) = rest;
            // Keep the obstacle about 1 km away at most, whatever the latitude, and on the globe.
            double scale = Math.Max(Math.Cos(lat * 1e-6 * Math.PI / 180), 0.05);
            var centre = new GeoPoint(lat, lon);
            long objectLat = Math.Clamp(lat + dLat, -90_000_000, 90_000_000);
            long objectLon = lon + (long)(dLon / scale);
            objectLon = objectLon > 180_000_000 ? objectLon - 360_000_000 : objectLon < -180_000_000 ? objectLon + 360_000_000 : objectLon;
            var moving = new DynamicObstacleReport(EtsiSamples.Trip, at.AddMilliseconds(delta), new GeoPoint(objectLat, objectLon), accuracy, ObjectKinds[kind], confidence, velocity, bearing);
            return (new CpmReference(77, at, centre, referenceAccuracy), new PerceivedObstacle(id, moving, motion));
        });

    [Fact]
    public void A_perceived_object_carries_the_offsets_velocity_direction_and_class_in_etsi_units()
    {
        PerceivedObject o = Converter.ToPerceivedObject(new PerceivedObstacle(1, EtsiSamples.Pedestrian, new MotionConfidence(20, 50)), EtsiSamples.Crossing);

        Assert.Equal((1, -120), (o.ObjectId, o.MeasurementDeltaTime));
        Assert.Equal(new CartesianCoordinateWithConfidence(-88, 100), o.Position.XCoordinate);
        Assert.Equal(new CartesianCoordinateWithConfidence(1369, 100), o.Position.YCoordinate);
        Assert.Equal(new Speed(140, 20), o.Velocity!.PolarVelocity!.VelocityMagnitude);
        Assert.Equal(new CartesianAngle(1795, 50), o.Velocity.PolarVelocity.VelocityDirection);
        Assert.Equal(o.Velocity.PolarVelocity.VelocityDirection, o.Angles!.ZAngle);
        Assert.Equal("unavailable", Assert.Single(o.Classification!).ObjectClass.VruSubClass!.Pedestrian);
        Assert.Equal(80, o.Classification![0].Confidence);
    }

    [Theory]
    [InlineData(ObstacleKind.Accident)]
    [InlineData(ObstacleKind.Roadworks)]
    public void Events_are_not_perceived_objects(ObstacleKind kind)
    {
        var error = Assert.Throws<EtsiConversionException>(() => Converter.ToPerceivedObject(new PerceivedObstacle(1, EtsiSamples.Pedestrian with { Kind = kind }), EtsiSamples.Crossing));

        Assert.Equal("kind", error.Field);
    }

    [Theory]
    [InlineData(2047, "measurementDeltaTime")]
    [InlineData(-2048, "measurementDeltaTime")]
    public void Detections_beyond_the_delta_time_range_are_refused(int milliseconds, string field)
    {
        var late = EtsiSamples.Pedestrian with { DetectedAt = EtsiSamples.At.AddMilliseconds(milliseconds) };

        Assert.Equal(field, Assert.Throws<EtsiConversionException>(() => Converter.ToPerceivedObject(new PerceivedObstacle(1, late), EtsiSamples.Crossing)).Field);
        Assert.Equal(2046, Converter.ToPerceivedObject(new PerceivedObstacle(1, late with { DetectedAt = EtsiSamples.At.AddMilliseconds(2046) }), EtsiSamples.Crossing).MeasurementDeltaTime);
    }

    [Fact]
    public void Objects_beyond_1310_m_are_refused_and_saturated_offsets_and_deltas_do_not_read()
    {
        var far = EtsiSamples.Pedestrian with { Position = new GeoPoint(52_520_000 + 11_800, 13_405_000) };
        Assert.Equal("position.yCoordinate.value", Assert.Throws<EtsiConversionException>(() => Converter.ToPerceivedObject(new PerceivedObstacle(1, far), EtsiSamples.Crossing)).Field);

        PerceivedObject o = Converter.ToPerceivedObject(new PerceivedObstacle(1, EtsiSamples.Pedestrian), EtsiSamples.Crossing);
        PerceivedObject saturated = o with { Position = o.Position with { XCoordinate = o.Position.XCoordinate with { Value = 131_071 } } };
        Assert.Equal("o.position.xCoordinate.value", Assert.Throws<EtsiConversionException>(() => Converter.ToObstacle(saturated, EtsiSamples.Crossing, EtsiSamples.Trip, "o")).Field);
        Assert.Equal("o.measurementDeltaTime", Assert.Throws<EtsiConversionException>(() => Converter.ToObstacle(o with { MeasurementDeltaTime = -2048 }, EtsiSamples.Crossing, EtsiSamples.Trip, "o")).Field);
        Assert.Equal("o.velocity", Assert.Throws<EtsiConversionException>(() => Converter.ToObstacle(o with { Velocity = null }, EtsiSamples.Crossing, EtsiSamples.Trip, "o")).Field);
        Assert.Equal("o.position.xCoordinate.confidence", Assert.Throws<EtsiConversionException>(() => Converter.ToObstacle(o with { Position = o.Position with { XCoordinate = o.Position.XCoordinate with { Confidence = 4096 } } }, EtsiSamples.Crossing, EtsiSamples.Trip, "o")).Field);
    }

    [Fact]
    public void Cartesian_velocities_read_as_speed_and_bearing_and_classes_map_to_kinds()
    {
        PerceivedObject o = Converter.ToPerceivedObject(new PerceivedObstacle(1, EtsiSamples.Pedestrian), EtsiSamples.Crossing);
        var northEast = new Velocity3dWithConfidence(CartesianVelocity: new VelocityCartesian(new VelocityComponent(300, 5), new VelocityComponent(400, 7)));
        ObjectClassWithConfidence[] classes = [new(new ObjectClass(OtherSubClass: 3), 40), new(new ObjectClass(VehicleSubClass: 5), 90)];

        PerceivedObstacle read = Converter.ToObstacle(o with { Velocity = northEast, Classification = classes }, EtsiSamples.Crossing, EtsiSamples.Trip);

        Assert.Equal((500, 3687), (read.Report.VelocityCentimetresPerSecond, read.Report.BearingCentidegrees));
        Assert.Equal((ObstacleKind.StoppedVehicle, 90), (read.Report.Kind, read.Report.ConfidencePercent));
        Assert.Equal(new MotionConfidence(7, 127), read.Motion);
        Assert.Equal((ObstacleKind.Other, 0), Converter.ToObstacle(o with { Classification = null }, EtsiSamples.Crossing, EtsiSamples.Trip) is var none ? (none.Report.Kind, none.Report.ConfidencePercent) : default);
    }

    [Fact]
    public void An_object_of_a_cpm_that_does_not_convert_is_named_by_its_path_in_the_message()
    {
        var cpm = System.Text.Json.Nodes.JsonNode.Parse(GoldenFiles.Read("cpm-pedestrian-and-dog.json"))!.AsObject();
        cpm["payload"]!["cpmContainers"]![0]!["containerData"]!["perceivedObjects"]![1]!.AsObject().Remove("velocity");

        var error = Assert.Throws<EtsiConversionException>(() => Converter.ToObstacles(EtsiJson.ParseCpm(cpm.ToJsonString()), EtsiSamples.Trip));

        Assert.Equal("payload.cpmContainers[0].containerData.perceivedObjects[1].velocity", error.Field);
    }

    [Fact]
    public void A_reference_nearer_a_pole_than_89_degrees_is_refused()
    {
        var polar = EtsiSamples.Crossing with { Position = new GeoPoint(89_000_001, 0) };

        Assert.Equal("referencePosition.latitude", Assert.Throws<EtsiConversionException>(() => Converter.ToPerceivedObject(new PerceivedObstacle(1, EtsiSamples.Pedestrian with { Position = new GeoPoint(89_000_100, 0) }), polar)).Field);
    }

    [Fact]
    public void Report_to_cpm_to_report_is_exact_but_for_the_direction_up_to_79_degrees_of_latitude()
    {
        Scenes(79_000_000).Sample((reference, obstacle) =>
        {
            Cpm cpm = EtsiJson.ParseCpm(EtsiJson.Write(Converter.ToCpm([obstacle], reference)));
            PerceivedObstacle back = Assert.Single(Converter.ToObstacles(cpm, EtsiSamples.Trip));
            DynamicObstacleReport original = obstacle.Report;

            Assert.Equal(original with { AccuracyMetres = back.Report.AccuracyMetres, BearingCentidegrees = back.Report.BearingCentidegrees }, back.Report);
            Assert.Equal(original.AccuracyMetres <= 40 ? original.AccuracyMetres : 1000, back.Report.AccuracyMetres);
            Assert.InRange(((original.BearingCentidegrees - back.Report.BearingCentidegrees) % 36_000 + 36_000) % 36_000, 0, 9);
            Assert.Equal((obstacle.ObjectId, obstacle.Motion), (back.ObjectId, back.Motion));
            Assert.Equal(reference, Converter.ReferenceOf(cpm));
        });
    }

    [Fact]
    public void Nearer_the_poles_positions_read_back_within_a_centimetre_and_half_a_microdegree()
    {
        Scenes(89_000_000).Where(s => Math.Abs(s.Reference.Position.LatitudeMicrodegrees) > 79_000_000).Sample((reference, obstacle) =>
        {
            PerceivedObject o = Converter.ToPerceivedObject(obstacle, reference);
            GeoPoint back = Converter.ToObstacle(o, reference, EtsiSamples.Trip).Report.Position;
            (double east, double north) = LocalTangentPlane.Offset(reference.Position, obstacle.Report.Position);
            (double eastBack, double northBack) = LocalTangentPlane.Offset(reference.Position, back);

            // The offset is rounded up to the cm, then the position to the microdegree: at most 1 cm plus half a microdegree of longitude.
            double halfMicrodegree = LocalTangentPlane.Offset(reference.Position, new GeoPoint(reference.Position.LatitudeMicrodegrees, reference.Position.LongitudeMicrodegrees + 1)).EastCentimetres / 2;
            Assert.InRange(halfMicrodegree, 0, 1.07);
            Assert.True(Math.Abs(east - eastBack) <= 1.0 + halfMicrodegree + 1e-3 && Math.Abs(north - northBack) <= 1.0 + 1e-6, $"{obstacle.Report.Position} → {back}: {east - eastBack:F3} cm, {north - northBack:F3} cm");
        });
    }

    [Fact]
    public void Cpm_to_report_to_cpm_is_exact_for_objects_a_report_holds()
    {
        Scenes(79_000_000).Sample((reference, obstacle) =>
        {
            Cpm cpm = Converter.ToCpm([obstacle], reference);
            Cpm again = Converter.ToCpm(Converter.ToObstacles(cpm, EtsiSamples.Trip), Converter.ReferenceOf(cpm));

            Assert.Equal(EtsiJson.Write(cpm), EtsiJson.Write(again));
        });
    }

    [Fact]
    public void The_offsets_are_exact_east_north_up_coordinates()
    {
        // An independent ECEF → ENU computation (Bowring-free: both points on the ellipsoid) against the projection.
        Gen.Select(Gen.Long[-85_000_000, 85_000_000], Gen.Long[-180_000_000, 180_000_000], Gen.Double[-1300, 1300], Gen.Double[-1300, 1300]).Sample((lat, lon, east, north) =>
        {
            var reference = new GeoPoint(lat, lon);
            GeoPoint point = LocalTangentPlane.Position(reference, (long)(east * 100), (long)(north * 100));
            (double e, double n) = ExactEnu(reference, point);
            (double pe, double pn) = LocalTangentPlane.Offset(reference, point);

            Assert.True(Math.Abs((e * 100) - pe) < 1e-4 && Math.Abs((n * 100) - pn) < 1e-4, $"{reference} {point}: {e * 100 - pe} {n * 100 - pn}");
        });
    }

    private static (double East, double North) ExactEnu(GeoPoint reference, GeoPoint point)
    {
        const double A = 6_378_137.0, F = 1 / 298.257223563, E2 = F * (2 - F);
        static (double, double, double) Ecef(GeoPoint p)
        {
            double lat = p.LatitudeMicrodegrees / 1e6 * Math.PI / 180, lon = p.LongitudeMicrodegrees / 1e6 * Math.PI / 180;
            double n = A / Math.Sqrt(1 - (E2 * Math.Sin(lat) * Math.Sin(lat)));
            return (n * Math.Cos(lat) * Math.Cos(lon), n * Math.Cos(lat) * Math.Sin(lon), n * (1 - E2) * Math.Sin(lat));
        }

        (double x0, double y0, double z0) = Ecef(reference);
        (double x, double y, double z) = Ecef(point);
        double phi = reference.LatitudeMicrodegrees / 1e6 * Math.PI / 180, lambda = reference.LongitudeMicrodegrees / 1e6 * Math.PI / 180;
        double dx = x - x0, dy = y - y0, dz = z - z0;
        return ((-Math.Sin(lambda) * dx) + (Math.Cos(lambda) * dy), (-Math.Sin(phi) * Math.Cos(lambda) * dx) - (Math.Sin(phi) * Math.Sin(lambda) * dy) + (Math.Cos(phi) * dz));
    }
}
