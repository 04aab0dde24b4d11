using SkiaSharp;

namespace ValueChain.Cli.Tests;

public sealed class V2VSimulateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-v2v-simulation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_stuck_check_and_two_small_runs_write_a_csv_row_each_and_plots_with_content()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("simulate", "v2v", "--vehicles", "6,20", "--duration", "30", "--time-scale", "20", "--listeners", "10", "--seed", "2", "--out", _directory);

        Assert.Equal(0, exitCode);
        Assert.Contains("six vehicles stuck near six obstacles map 6 obstacles", output, StringComparison.Ordinal);
        Assert.Contains("The live feed runs over MQTT v5: a local Mosquitto per run", output, StringComparison.Ordinal);
        string[] csv = await File.ReadAllLinesAsync(Path.Combine(_directory, "v2v-simulation.csv"));
        Assert.StartsWith("vehicles,seed,stuck,batch_size,ledger,feed,placed,detected,mapped,duplicates", csv[0], StringComparison.Ordinal);
        Assert.Equal(["6,2,True", "6,2,False", "20,2,False"], csv.Skip(1).Select(row => string.Join(',', row.Split(',').Take(3))));
        Assert.All(csv.Skip(1), row => Assert.Equal(("0", "0"), (row.Split(',')[9], row.Split(',')[20]))); // duplicates, refused feed messages

        foreach (string plot in new[] { "v2v-latency.png", "v2v-map-6-stuck.png", "v2v-map-6.png", "v2v-map-20.png" })
        {
            string path = Path.Combine(_directory, plot);
            using SKBitmap bitmap = SKBitmap.Decode(path);
            Assert.True(bitmap.Pixels.Distinct().Count() > 10, $"{plot} is (nearly) blank");
        }
    }

    [Fact]
    public async Task A_malformed_fleet_size_is_refused()
    {
        (int exitCode, _) = await CliRunner.RunAsync("simulate", "v2v", "--vehicles", "6,many", "--out", _directory);

        Assert.NotEqual(0, exitCode);
        Assert.False(File.Exists(Path.Combine(_directory, "v2v-simulation.csv")));
    }
}
