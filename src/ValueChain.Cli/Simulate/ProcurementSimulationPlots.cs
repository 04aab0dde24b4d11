using ValueChain.Procurement;

namespace ValueChain.Cli.Simulate;

/// <summary>The procurement case study's PNG plots: every supplier's on-time rate over the days, and the orders each won.</summary>
internal static class ProcurementSimulationPlots
{
    public static IReadOnlyList<string> Write(ProcurementSimulationResult result, string directory)
    {
        var ratings = new ScottPlot.Plot();
        foreach (IGrouping<string, RatingSample> supplier in result.Ratings.GroupBy(r => r.CompanyId))
        {
            RatingSample[] rated = [.. supplier.Where(r => r.Rate is not null)];
            if (rated.Length > 0)
            {
                ScottPlot.Plottables.Scatter line = ratings.Add.Scatter(rated.Select(r => (double)r.Day).ToArray(), rated.Select(r => r.Rate!.Value / 100.0).ToArray());
                line.LegendText = supplier.Key;
            }
        }

        ratings.Title("Supplier on-time rate over time");
        ratings.XLabel("Day");
        ratings.YLabel("On-time rate (%)");
        ratings.ShowLegend();
        string ratingsPath = Path.Combine(directory, "procurement-ratings.png");
        ratings.SavePng(ratingsPath, 800, 500);

        var orders = new ScottPlot.Plot();
        orders.Add.Bars(result.Suppliers.Select(s => (double)s.OrdersWon).ToArray());
        orders.Axes.Bottom.SetTicks([.. Enumerable.Range(0, result.Suppliers.Count).Select(i => (double)i)], [.. result.Suppliers.Select(s => s.CompanyId)]);
        orders.Title("Orders won per supplier");
        orders.YLabel("Orders");
        string ordersPath = Path.Combine(directory, "procurement-orders.png");
        orders.SavePng(ordersPath, 800, 500);
        return [ratingsPath, ordersPath];
    }
}
