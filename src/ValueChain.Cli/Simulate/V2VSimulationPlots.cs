using System.Globalization;
using ValueChain.V2V;

namespace ValueChain.Cli.Simulate;

/// <summary>The V2V simulation's PNG plots: latency percentiles per run against the spec's limits, and a map picture per run.</summary>
internal static class V2VSimulationPlots
{
    public static IReadOnlyList<string> Write(IReadOnlyList<V2VSimulationResult> results, string directory)
    {
        var files = new List<string> { Latencies(results, directory) };
        files.AddRange(results.Select(r => MapPicture(r, directory)));
        return files;
    }

    // Grouped bars: per run, store / verify / retrieve at p50, p95 and p99, with the 500 ms and 1 s limits as lines.
    private static string Latencies(IReadOnlyList<V2VSimulationResult> results, string directory)
    {
        var plot = new ScottPlot.Plot();
        (string Name, Func<V2VSimulationResult, LatencyPercentiles> Of, ScottPlot.Color Colour)[] series =
        [
            ("store", r => r.Store, ScottPlot.Colors.SteelBlue),
            ("verify", r => r.Verify, ScottPlot.Colors.SeaGreen),
            ("retrieve", r => r.Retrieve, ScottPlot.Colors.DarkOrange),
        ];
        var ticks = new List<ScottPlot.Tick>();
        for (int run = 0; run < results.Count; run++)
        {
            double x0 = run * 12;
            for (int s = 0; s < series.Length; s++)
            {
                LatencyPercentiles p = series[s].Of(results[run]);
                double[] values = [p.P50, p.P95, p.P99];
                for (int k = 0; k < values.Length; k++)
                {
                    var bar = new ScottPlot.Bar { Position = x0 + (s * 3.5) + k, Value = values[k], FillColor = series[s].Colour.WithAlpha(0.45 + (0.25 * k)), Size = 0.9 };
                    plot.Add.Bar(bar);
                }
            }

            V2VSimulationResult r = results[run];
            ticks.Add(new ScottPlot.Tick(x0 + 4.5, r.Scenario.StuckNearObstacles ? $"{r.Scenario.Vehicles} stuck" : r.Scenario.Vehicles.ToString(CultureInfo.InvariantCulture) + " vehicles"));
        }

        foreach ((string name, _, ScottPlot.Color colour) in series)
        {
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = $"{name} (p50, p95, p99)", FillColor = colour });
        }

        plot.Add.HorizontalLine(500, color: ScottPlot.Colors.Red).LegendText = "store limit 500 ms";
        plot.Add.HorizontalLine(1000, color: ScottPlot.Colors.DarkRed).LegendText = "verify + retrieve limit 1 s";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.Min = 0;
        plot.ShowLegend();
        plot.Title("V2V latency percentiles per run");
        plot.YLabel("milliseconds");
        string path = Path.Combine(directory, "v2v-latency.png");
        plot.SavePng(path, 1000, 560);
        return path;
    }

    private static string MapPicture(V2VSimulationResult result, string directory)
    {
        var plot = new ScottPlot.Plot();
        static double X(GeoPoint p) => p.LongitudeMicrodegrees / 1e6;
        static double Y(GeoPoint p) => p.LatitudeMicrodegrees / 1e6;
        bool first = true;
        foreach (IReadOnlyList<GeoPoint> route in result.Map.Routes)
        {
            var line = plot.Add.ScatterLine(route.Select(X).ToArray(), route.Select(Y).ToArray(), ScottPlot.Colors.Gray.WithAlpha(0.6));
            line.LegendText = first ? "routes" : "";
            first = false;
        }

        void Points(IReadOnlyList<GeoPoint> points, ScottPlot.Color colour, float size, ScottPlot.MarkerShape shape, string label)
        {
            if (points.Count > 0)
            {
                var markers = plot.Add.ScatterPoints(points.Select(X).ToArray(), points.Select(Y).ToArray(), colour);
                (markers.MarkerSize, markers.MarkerShape, markers.LegendText) = (size, shape, label);
            }
        }

        Points(result.Map.Detections, ScottPlot.Colors.SkyBlue.WithAlpha(0.7), 4, ScottPlot.MarkerShape.FilledCircle, "detections (reports)");
        Points(result.Map.StaticObstacles, ScottPlot.Colors.Black, 7, ScottPlot.MarkerShape.FilledSquare, "static obstacles");
        Points(result.Map.DynamicObstacles, ScottPlot.Colors.Purple, 7, ScottPlot.MarkerShape.FilledTriangleUp, "moving obstacles (start)");
        Points(result.Map.Mapped, ScottPlot.Colors.Red, 9, ScottPlot.MarkerShape.OpenCircle, "mapped on the ledger");
        plot.ShowLegend();
        string name = result.Scenario.StuckNearObstacles ? $"{result.Scenario.Vehicles}-stuck" : result.Scenario.Vehicles.ToString(CultureInfo.InvariantCulture);
        plot.Title($"V2V map: {name} vehicles, {result.MappedObstacles} mapped, {result.Duplicates} duplicates");
        plot.XLabel("longitude (°)");
        plot.YLabel("latitude (°)");
        string path = Path.Combine(directory, $"v2v-map-{name}.png");
        plot.SavePng(path, 900, 900);
        return path;
    }
}
