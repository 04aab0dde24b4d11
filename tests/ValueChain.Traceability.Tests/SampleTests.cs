using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.Traceability.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_traceability_sample_runs_and_finds_the_vehicle()
    {
        string configuration = typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "ValueChain.Samples.Traceability", "bin", configuration, "net10.0", "ValueChain.Samples.Traceability.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", sample);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Ledger: embedded", output, StringComparison.Ordinal);
        Assert.Contains("Pick-up rejected: FAKE-1 (Unregistered)", output, StringComparison.Ordinal);
        Assert.Contains("vehicles WVWZZZ1JZXW000001", output, StringComparison.Ordinal);
        Assert.Contains("Confirmed by the ledger: True", output, StringComparison.Ordinal);
    }
}
