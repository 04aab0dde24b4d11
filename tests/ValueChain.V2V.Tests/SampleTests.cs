using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.V2V.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_v2v_sample_maps_one_obstacle_with_one_confirmation_and_the_police_verify_both_reports()
    {
        string configuration = typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "ValueChain.Samples.V2V", "bin", configuration, "net10.0", "ValueChain.Samples.V2V.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", sample);

        Assert.True(exitCode == 0, error);
        SampleOutput.AssertStory(output);
        Assert.Contains("Ledger: embedded", output, StringComparison.Ordinal);
    }
}
