using SkiaSharp;

namespace ValueChain.Cli.Tests;

public sealed class ProcurementSimulateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-procurement-simulation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_small_case_study_reports_stages_and_suppliers_conserves_tokens_and_writes_the_csv_and_two_plots()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("simulate", "procurement", "--companies", "3", "--machines", "6", "--quotations", "4", "--days", "4", "--seed", "2", "--out", _directory);

        Assert.Equal(0, exitCode);
        Assert.Contains("Tokens conserved, escrow balanced.", output, StringComparison.Ordinal);
        foreach (string stage in new[] { "Setup", "Consumption", "Ordering", "Delivery" })
        {
            Assert.Contains(stage, output, StringComparison.Ordinal);
        }

        string[] csv = await File.ReadAllLinesAsync(Path.Combine(_directory, "procurement-simulation.csv"));
        Assert.Equal("day,supplier,late_percent,on_time_rate_bp,orders_won", csv[0]);
        Assert.Equal(1 + 4 * 3, csv.Length);
        foreach (string plot in new[] { "procurement-ratings.png", "procurement-orders.png" })
        {
            using SKBitmap bitmap = SKBitmap.Decode(Path.Combine(_directory, plot));
            Assert.Equal((800, 500), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Distinct().Count() > 10, $"{plot} is (nearly) blank");
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_outcome()
    {
        string[] args = ["simulate", "procurement", "--companies", "2", "--machines", "4", "--quotations", "2", "--days", "3", "--seed", "5", "--out", _directory];
        await CliRunner.RunAsync(args);
        string first = await File.ReadAllTextAsync(Path.Combine(_directory, "procurement-simulation.csv"));
        await CliRunner.RunAsync(args);

        Assert.Equal(first, await File.ReadAllTextAsync(Path.Combine(_directory, "procurement-simulation.csv")));
    }
}
