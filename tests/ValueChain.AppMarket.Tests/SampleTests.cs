using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.AppMarket.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_appmarket_sample_installs_pays_for_usage_once_and_refuses_the_replay()
    {
        string configuration = typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "ValueChain.Samples.AppMarket", "bin", configuration, "net10.0", "ValueChain.Samples.AppMarket.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", sample);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Ledger: embedded", output, StringComparison.Ordinal);
        Assert.Contains("Install on press-1: Installed; the agent runs 1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("Usage of 40 paid: 120; the replay: Replayed", output, StringComparison.Ordinal);
        Assert.Contains("Developer's balance: 120", output, StringComparison.Ordinal);
    }
}
