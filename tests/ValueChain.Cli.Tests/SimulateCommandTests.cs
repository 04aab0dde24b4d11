using SkiaSharp;

namespace ValueChain.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-simulation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_grid_subset_writes_one_csv_row_per_run_and_three_plots_with_content()
    {
        (int exitCode, string output) = await CliRunner.RunAsync(
            "simulate", "flexibility", "--evs", "300", "--locations", "25", "50", "--rejection", "50", "90", "--performance", "80", "--seed", "3", "--out", _directory);

        Assert.Equal(0, exitCode);
        Assert.Contains("4 runs in", output, StringComparison.Ordinal);
        string[] csv = await File.ReadAllLinesAsync(Path.Combine(_directory, "flexibility-simulation.csv"));
        Assert.StartsWith("evs,locations,tso_rejection_percent,performance_percent,seed,offers_created", csv[0], StringComparison.Ordinal);
        Assert.Equal(5, csv.Length);
        Assert.All(csv.Skip(1), row => Assert.StartsWith("300,", row, StringComparison.Ordinal));

        foreach (string plot in new[] { "offers-vs-locations.png", "power-vs-rejection.png", "revenue-vs-rejection.png" })
        {
            string path = Path.Combine(_directory, plot);
            Assert.True(new FileInfo(path).Length > 5_000, $"{plot} is too small to hold a plot");
            using SKBitmap bitmap = SKBitmap.Decode(path);
            Assert.Equal((800, 500), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Distinct().Count() > 10, $"{plot} is (nearly) blank");
        }
    }

    [Fact]
    public async Task More_rejection_means_no_more_offers_sold_for_the_same_fleet()
    {
        (int exitCode, _) = await CliRunner.RunAsync("simulate", "flexibility", "--evs", "300", "--locations", "50", "--rejection", "50", "90", "--performance", "90", "--out", _directory);

        Assert.Equal(0, exitCode);
        string[][] rows = (await File.ReadAllLinesAsync(Path.Combine(_directory, "flexibility-simulation.csv"))).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(rows[0][5], rows[1][5]); // the same offers are made
        Assert.True(int.Parse(rows[0][6], System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(rows[1][6], System.Globalization.CultureInfo.InvariantCulture));
    }
}
