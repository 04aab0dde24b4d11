using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.Procurement.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_procurement_sample_orders_pays_the_supplier_and_keeps_an_intact_book()
    {
        string configuration = typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "ValueChain.Samples.Procurement", "bin", configuration, "net10.0", "ValueChain.Samples.Procurement.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", sample);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Ordered: MILL-1-BOLT-M8-1 from quotation 1; in escrow 460", output, StringComparison.Ordinal);
        Assert.Contains("Supplier paid: 460; on-time rate 10000 bp", output, StringComparison.Ordinal);
        Assert.Contains("Maintenance book: 1 entry, intact: True; bolts in stock 44", output, StringComparison.Ordinal);
    }
}
