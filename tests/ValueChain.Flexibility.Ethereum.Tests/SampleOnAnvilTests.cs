using System.Globalization;
using System.Reflection;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

// The flexibility sample, unchanged, on anvil: the same program as on the embedded ledger, told by its settings
// where the node is and which (funded) keys its traders sign with; ledger time moves through anvil.
public sealed class SampleOnAnvilTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_flexibility_sample_runs_on_anvil_pays_against_the_meter_record_and_refuses_the_replay()
    {
        string configuration = typeof(SampleOnAnvilTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "ValueChain.Samples.Flexibility", "bin", configuration, "net10.0", "ValueChain.Samples.Flexibility.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");
        List<string> arguments = [sample, $"--Ethereum:RpcUrl={anvil.Endpoint}", $"--Ethereum:ChainId={AnvilNode.ChainId.ToString(CultureInfo.InvariantCulture)}"];
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        foreach (string name in new[] { "Tso", "FleetOperator" })
        {
            var key = PrivateKey.Generate();
            await rpc.CallAsync("anvil_setBalance", [key.Address.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
            arguments.Add($"--Keys:{name}={Convert.ToHexStringLower(key.ToBytes())}");
        }

        long before = await BlockNumberAsync(rpc);

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", [.. arguments]);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains($"Ledger: Ethereum at {anvil.Endpoint}", output, StringComparison.Ordinal);
        Assert.True(await BlockNumberAsync(rpc) > before + 8, "The sample's transactions are not on the node.");
        Assert.Contains("Paid for 15 kWh: 750 (rejection: none)", output, StringComparison.Ordinal);
        Assert.Contains("Replayed record: NonceReplayed", output, StringComparison.Ordinal);
        Assert.Contains("Fleet operator's balance: 1700", output, StringComparison.Ordinal);
    }

    private static async Task<long> BlockNumberAsync(JsonRpcClient rpc) =>
        long.Parse((await rpc.CallAsync("eth_blockNumber", [], TestContext.Current.CancellationToken)).GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
