using CsCheck;
using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

/// <summary>Random reports and ETSI values for the round-trip properties.</summary>
internal static class EtsiGenerators
{
    private static readonly long From2004 = EtsiTime.Epoch.ToUnixTimeMilliseconds();
    private static readonly long To2100 = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static readonly Gen<Address> Reporters = Gen.Byte.Array[20].Where(b => b.Any(x => x != 0)).Select(b => new Address(b));

    public static readonly Gen<DateTimeOffset> Times = Gen.Long[From2004, To2100].Select(DateTimeOffset.FromUnixTimeMilliseconds);

    public static readonly Gen<GeoPoint> Positions = Gen.Select(Gen.Long[-90_000_000, 90_000_000], Gen.Long[-180_000_000, 180_000_000], (lat, lon) => new GeoPoint(lat, lon));

    public static readonly Gen<ObstacleKind> Kinds = Gen.Enum<ObstacleKind>();

    public static readonly Gen<ObstacleReport> Reports = Gen.Select(
        Reporters, Times, Positions, Gen.OneOf(Gen.Int[1, 45], Gen.Int[1, 1000]), Kinds, Gen.Int[0, 100], Gen.Bool, Gen.Select(Gen.Int[0, ReportCodec.MaxVelocity], Gen.Int[0, 35_999]),
        (reporter, at, position, accuracy, kind, confidence, dynamic, motion) => dynamic
            ? (ObstacleReport)new DynamicObstacleReport(reporter, at, position, accuracy, kind, confidence, motion.Item1, motion.Item2)
            : new StaticObstacleReport(reporter, at, position, accuracy, kind, confidence));

    public static readonly Gen<MotionConfidence> Confidences = Gen.Select(Gen.Int[1, 127], Gen.Int[1, 127], (s, h) => new MotionConfidence(s, h));
}
