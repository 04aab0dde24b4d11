using System.Security.Cryptography;
using ValueChain.Ledger.Fabric;

namespace ValueChain.Cli.Tests;

public sealed class FabricCommandTests
{
    [Fact]
    public async Task Fabric_package_writes_the_ccaas_package_and_prints_its_id()
    {
        string path = Path.Combine(Path.GetTempPath(), $"vc-package-{Guid.NewGuid():N}.tar.gz");
        try
        {
            (int exitCode, string output) = await CliRunner.RunAsync("fabric", "package", "--label", "partchain_1.0", "--address", "127.0.0.1:9999", "--output", path);

            Assert.Equal(0, exitCode);
            byte[] written = await File.ReadAllBytesAsync(path);
            Assert.Equal(CcaasPackage.Create("partchain_1.0", "127.0.0.1:9999").Bytes.ToArray(), written);
            Assert.Contains("partchain_1.0:" + Convert.ToHexStringLower(SHA256.HashData(written)), output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Fabric_package_with_a_bad_address_exits_2_and_says_why()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("fabric", "package", "--label", "cc", "--address", "nowhere");

        Assert.Equal(2, exitCode);
        Assert.Contains("host:port", output, StringComparison.Ordinal);
    }
}
