using System.Globalization;
using System.Reflection;
using ValueChain.Cryptography;

namespace ValueChain.Testing.Ethereum;

/// <summary>
/// Runs a built sample program, unchanged, on an anvil node: its settings name the node and give each named actor a
/// fresh key funded for gas (the samples read <c>--Ethereum:…</c> and <c>--Keys:NAME</c>). Linked into each Ethereum test project.
/// </summary>
internal static class SampleOnAnvil
{
    /// <summary>The sample's exit code and output, and how many blocks the node gained while it ran.</summary>
    public static async Task<(int ExitCode, string Output, long BlocksAdded)> RunAsync(AnvilNode anvil, string sampleName, params string[] actors)
    {
        string configuration = typeof(SampleOnAnvil).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", sampleName, "bin", configuration, "net10.0", $"{sampleName}.dll");
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}.");
        List<string> arguments = [sample, $"--Ethereum:RpcUrl={anvil.Endpoint}", $"--Ethereum:ChainId={AnvilNode.ChainId.ToString(CultureInfo.InvariantCulture)}"];
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        foreach (string actor in actors)
        {
            var key = PrivateKey.Generate();
            await DevelopmentNodeFunding.FundAsync(rpc, key.Address, UInt256.Parse("0x56bc75e2d63100000"), TestContext.Current.CancellationToken);
            arguments.Add($"--Keys:{actor}={Convert.ToHexStringLower(key.ToBytes())}");
        }

        long before = await BlockNumberAsync(rpc);
        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", [.. arguments]);
        return (exitCode, output + error, await BlockNumberAsync(rpc) - before);
    }

    private static async Task<long> BlockNumberAsync(JsonRpcClient rpc) =>
        long.Parse((await rpc.CallAsync("eth_blockNumber", [], TestContext.Current.CancellationToken)).GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
