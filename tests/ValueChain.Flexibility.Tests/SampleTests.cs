using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_flexibility_sample_pays_once_and_refuses_the_replay()
    {
        string configuration = typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "ValueChain.Samples.Flexibility", "bin", configuration, "net10.0", "ValueChain.Samples.Flexibility.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", sample);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Ledger: embedded", output, StringComparison.Ordinal);
        Assert.Contains("Paid for 15 kWh: 750 (rejection: none)", output, StringComparison.Ordinal);
        Assert.Contains("Replayed record: NonceReplayed", output, StringComparison.Ordinal);
        Assert.Contains("Fleet operator's balance: 1700", output, StringComparison.Ordinal);
    }
}
