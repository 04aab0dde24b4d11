using ValueChain.Flexibility;

namespace ValueChain.Cli.Simulate;

/// <summary>The simulation's three PNG plots, averaged over the parameters not on the x axis.</summary>
internal static class SimulationPlots
{
    public static IReadOnlyList<string> Write(IReadOnlyList<SimulationResult> results, string directory)
    {
        return
        [
            Plot(directory, "offers-vs-locations.png", "Offers created vs locations", "Locations", "Offers",
                results.GroupBy(r => r.Scenario.Locations).Select(g => (g.Key, g.Average(r => (double)r.OffersCreated)))),
            Plot(directory, "power-vs-rejection.png", "Energy delivered vs TSO rejection", "TSO rejection (%)", "Energy delivered (kWh)",
                results.GroupBy(r => r.Scenario.TsoRejectionPercent).Select(g => (g.Key, g.Average(r => r.EnergyDeliveredWh / 1000.0)))),
            Plot(directory, "revenue-vs-rejection.png", "Revenue vs TSO rejection", "TSO rejection (%)", "Revenue (token units)",
                results.GroupBy(r => r.Scenario.TsoRejectionPercent).Select(g => (g.Key, g.Average(r => (double)r.Revenue.Value)))),
        ];
    }

    private static string Plot(string directory, string file, string title, string x, string y, IEnumerable<(int X, double Y)> points)
    {
        (int X, double Y)[] ordered = points.OrderBy(p => p.X).ToArray();
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(ordered.Select(p => (double)p.X).ToArray(), ordered.Select(p => p.Y).ToArray());
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        string path = Path.Combine(directory, file);
        plot.SavePng(path, 800, 500);
        return path;
    }
}
