namespace ValueChain.V2V;

/// <summary>
/// The simulated world on a local flat plane in metres (x east, y north) around Munich: routes as polylines, obstacles
/// on them (static ones, and moving ones that walk a straight line at walking pace), and vehicles that drive their
/// route back and forth. Floating point is fine here: only the reports, which are integers, reach the ledger.
/// </summary>
internal sealed class SimulationWorld
{
    private const double OriginLatitude = 48.137, OriginLongitude = 11.575;
    private const double MetresPerMicrodegree = 0.111195;
    private static readonly ObstacleKind[] StaticKinds = [ObstacleKind.Debris, ObstacleKind.StoppedVehicle, ObstacleKind.Roadworks, ObstacleKind.Accident, ObstacleKind.Other];
    private static readonly ObstacleKind[] MovingKinds = [ObstacleKind.Animal, ObstacleKind.Pedestrian];
    private static readonly double CosOrigin = Math.Cos(OriginLatitude * Math.PI / 180);

    private SimulationWorld(List<Route> routes, List<SimulatedObstacle> obstacles, List<SimulatedVehicle> vehicles) =>
        (Routes, Obstacles, Vehicles) = (routes, obstacles, vehicles);

    public IReadOnlyList<Route> Routes { get; }

    public IReadOnlyList<SimulatedObstacle> Obstacles { get; }

    public IReadOnlyList<SimulatedVehicle> Vehicles { get; }

    public static GeoPoint ToGeo((double X, double Y) p) => new(
        (long)Math.Round(OriginLatitude * 1e6 + (p.Y / MetresPerMicrodegree)),
        (long)Math.Round(OriginLongitude * 1e6 + (p.X / (MetresPerMicrodegree * CosOrigin))));

    public static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    public static SimulationWorld Build(V2VSimulationScenario scenario, Random random) =>
        scenario.StuckNearObstacles ? Stuck(scenario.Vehicles) : Roads(scenario.Vehicles, random);

    // One obstacle every 2 km on a line, each with its vehicle standing 10 m before it.
    private static SimulationWorld Stuck(int vehicles)
    {
        var routes = new List<Route>();
        var obstacles = new List<SimulatedObstacle>();
        var standing = new List<SimulatedVehicle>();
        for (int i = 0; i < vehicles; i++)
        {
            double x = i * 2_000.0;
            var route = new Route([(x - 100, 0), (x + 100, 0)]);
            routes.Add(route);
            obstacles.Add(new SimulatedObstacle(i, StaticKinds[i % StaticKinds.Length], (x, 0), 0, 0));
            standing.Add(new SimulatedVehicle(i, route, 90, 0, 1));
        }

        return new(routes, obstacles, standing);
    }

    // A route per four vehicles (at least three), each about 2 km with five bends, in a square that grows with them so
    // that the density of vehicles and obstacles stays the same at every fleet size; three static and one moving
    // obstacle per route, at least 300 m from any other.
    private static SimulationWorld Roads(int vehicles, Random random)
    {
        int routeCount = Math.Max(3, vehicles / 4);
        double side = Math.Sqrt(routeCount) * 2_000;
        var routes = new List<Route>(routeCount);
        for (int r = 0; r < routeCount; r++)
        {
            var points = new List<(double X, double Y)> { (random.NextDouble() * side, random.NextDouble() * side) };
            double heading = random.NextDouble() * 2 * Math.PI;
            for (int k = 0; k < 5; k++)
            {
                heading += (random.NextDouble() - 0.5) * Math.PI / 2;
                double length = 300 + (random.NextDouble() * 200);
                (double x, double y) = points[^1];
                points.Add((x + (length * Math.Sin(heading)), y + (length * Math.Cos(heading))));
            }

            routes.Add(new Route(points));
        }

        var obstacles = new List<SimulatedObstacle>();
        foreach (Route route in routes)
        {
            for (int k = 0; k < 4; k++)
            {
                for (int attempt = 0; attempt < 20; attempt++)
                {
                    double along = random.NextDouble() * route.Length;
                    (double X, double Y) at = route.At(along);
                    if (obstacles.Any(o => Distance(o.Start, at) < 300))
                    {
                        continue;
                    }

                    bool moving = k == 3;
                    ObstacleKind kind = moving ? MovingKinds[random.Next(MovingKinds.Length)] : StaticKinds[random.Next(StaticKinds.Length)];
                    double speed = moving ? 0.5 + random.NextDouble() : 0;
                    double bearing = moving ? route.HeadingAt(along) + ((random.NextDouble() - 0.5) * Math.PI / 3) : 0;
                    obstacles.Add(new SimulatedObstacle(obstacles.Count, kind, at, speed, bearing));
                    break;
                }
            }
        }

        var driving = new List<SimulatedVehicle>(vehicles);
        for (int v = 0; v < vehicles; v++)
        {
            Route route = routes[v % routes.Count];
            driving.Add(new SimulatedVehicle(v, route, random.NextDouble() * route.Length, 10 + (random.NextDouble() * 15), random.Next(2) == 0 ? 1 : -1));
        }

        return new(routes, obstacles, driving);
    }
}

/// <summary>A polyline in metres.</summary>
internal sealed class Route
{
    private readonly double[] _starts;

    public Route(IReadOnlyList<(double X, double Y)> points)
    {
        Points = points;
        _starts = new double[points.Count];
        for (int i = 1; i < points.Count; i++)
        {
            _starts[i] = _starts[i - 1] + SimulationWorld.Distance(points[i - 1], points[i]);
        }

        Length = _starts[^1];
    }

    public IReadOnlyList<(double X, double Y)> Points { get; }

    public double Length { get; }

    public (double X, double Y) At(double along)
    {
        int i = Segment(along);
        double t = (along - _starts[i]) / Math.Max(1e-9, _starts[i + 1] - _starts[i]);
        return (Points[i].X + (t * (Points[i + 1].X - Points[i].X)), Points[i].Y + (t * (Points[i + 1].Y - Points[i].Y)));
    }

    // Clockwise from north, in radians.
    public double HeadingAt(double along)
    {
        int i = Segment(along);
        return Math.Atan2(Points[i + 1].X - Points[i].X, Points[i + 1].Y - Points[i].Y);
    }

    private int Segment(double along)
    {
        int i = Array.BinarySearch(_starts, Math.Clamp(along, 0, Length));
        i = i >= 0 ? i : ~i - 1;
        return Math.Clamp(i, 0, Points.Count - 2);
    }
}

/// <summary>An obstacle: static, or moving in a straight line at <see cref="Speed"/> m/s along <see cref="Bearing"/> (radians clockwise from north).</summary>
internal sealed record SimulatedObstacle(int Index, ObstacleKind Kind, (double X, double Y) Start, double Speed, double Bearing)
{
    public bool IsMoving => Speed > 0;

    public (double X, double Y) At(double seconds) =>
        (Start.X + (Speed * seconds * Math.Sin(Bearing)), Start.Y + (Speed * seconds * Math.Cos(Bearing)));
}

/// <summary>A vehicle driving its route back and forth at <see cref="Speed"/> m/s from <see cref="Offset"/> metres along it.</summary>
internal sealed record SimulatedVehicle(int Index, Route Route, double Offset, double Speed, int Direction)
{
    public (double X, double Y) At(double seconds)
    {
        if (Route.Length <= 0)
        {
            return Route.Points[0];
        }

        // Back and forth: fold the distance driven into [0, 2·length).
        double period = 2 * Route.Length;
        double s = (((Offset + (Direction * Speed * seconds)) % period) + period) % period;
        return Route.At(s <= Route.Length ? s : period - s);
    }
}
