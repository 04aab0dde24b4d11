using ValueChain.V2V.Interop;

namespace ValueChain.V2V.Tests.Interop;

/// <summary>The reports and messages the golden files and examples are made of.</summary>
internal static class EtsiSamples
{
    public static readonly Address Trip = Address.Parse("0x00000000000000000000000000000000000000a1");

    public static readonly DateTimeOffset At = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public static readonly DenmSender Car = new(3_735_928_559);

    public static readonly StaticObstacleReport Debris = new(Trip, At, new GeoPoint(48_137_154, 11_576_124), 3, ObstacleKind.Debris, 90);

    public static readonly StaticObstacleReport Roadworks = new(Trip, At, new GeoPoint(-33_868_820, -70_650_000), 41, ObstacleKind.Roadworks, 100);

    public static readonly DynamicObstacleReport Animal = new(Trip, At, new GeoPoint(59_329_300, 18_068_600), 2, ObstacleKind.Animal, 64, 420, 13_557);

    public static readonly DynamicObstacleReport Pedestrian = new(Trip, At.AddMilliseconds(-120), new GeoPoint(52_520_123, 13_404_987), 1, ObstacleKind.Pedestrian, 80, 140, 27_050);

    public static readonly DynamicObstacleReport Dog = new(Trip, At.AddMilliseconds(35), new GeoPoint(52_519_870, 13_405_311), 4, ObstacleKind.Animal, 55, 610, 9_000);

    public static readonly CpmReference Crossing = new(1_234_567, At, new GeoPoint(52_520_000, 13_405_000), 1);

    public static readonly ObstacleTermination Negation = new(new ActionId(3_735_928_559, 17), ObstacleKind.Debris, Debris.Position, At, At.AddMinutes(4), DenmTermination.IsNegation);
}
