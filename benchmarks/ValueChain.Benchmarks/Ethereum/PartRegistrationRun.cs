using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum;
using ValueChain.Testing;
using ValueChain.Traceability.Ethereum;
using static ValueChain.Traceability.Ethereum.Contracts.Traceability;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

namespace ValueChain.Benchmarks;

/// <summary>
/// Registering 1000 parts on anvil with the Traceability contract: in one batched call, one call per part pipelined by this
/// driver, and the same 1000 calls sent by ethers v6 to the same anvil in the same run. Run: <c>-- partchain-registration</c>.
/// </summary>
internal static class PartRegistrationRun
{
    private static readonly Location Plant = new(48_783_300, 9_180_000, "Werk");
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMilliseconds(500); // anvil mines at once

    public static async Task RunAsync(int parts = 1000, int rounds = 3)
    {
        var anvil = new AnvilNode();
        await anvil.InitializeAsync();
        using var http = new HttpClient();
        try
        {
            var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
            (EthereumClient oem, _) = await AnvilAccounts.FundedClientAsync(rpc, StallTimeout);
            (EthereumClient supplier, _) = await AnvilAccounts.FundedClientAsync(rpc, StallTimeout);
            (_, PrivateKey ethersKey) = await AnvilAccounts.FundedClientAsync(rpc, StallTimeout);
            OnChain chain = await OnChain.DeployAsync(oem, ApplicationBytecode.Of(typeof(TraceabilityContracts).Assembly, "Traceability"),
                [new(oem.Account!.Value, "OEM", 1, true, 0, 0), new(supplier.Account!.Value, "Supplier", 2, false, 0, 0), new(ethersKey.Address, "Supplier (ethers)", 2, false, 0, 0)], 1, 86_400);
            var asSupplier = new OnChain(supplier, chain.Address);
            for (int round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                TransactionReceipt batch = await new OnChain(oem, chain.Address).RegisterPartsAsync(
                    [.. Enumerable.Range(0, parts).Select(i => new PartRegistration($"B{round}-{i}", "BRK-330", "B-1", 1))], Plant);
                double batched = clock.Elapsed.TotalSeconds;

                (int exitCode, string output, string error) = await ChildProcess.RunAsync("node", Path.Combine(RepositoryPaths.Root, "benchmarks", "ethers", "send-bench.mjs"),
                    anvil.Endpoint.ToString(), Hex.Encode(ethersKey.ToBytes()), chain.Address.ToString(),
                    Path.Combine(RepositoryPaths.Root, "src", "ValueChain.Traceability.Ethereum", "Artifacts", "Traceability.abi.json"), "partchain", parts.ToString(CultureInfo.InvariantCulture), $"E{round}");
                double ethers = exitCode == 0 ? JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.GetProperty("seconds").GetDouble() : throw new InvalidOperationException(output + error);
                clock.Restart();
                TransactionReceipt[] single = await Task.WhenAll(Enumerable.Range(0, parts).Select(i => asSupplier.RegisterPartsAsync([new PartRegistration($"S{round}-{i}", "BRK-330", "B-1", 1)], Plant)));
                double oneByOne = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"round {round}: batched {batched:0.000} s ({batch.GasUsed:N0} gas); one per transaction: ValueChain {oneByOne:0.000} s, ethers v6 {ethers:0.000} s, ratio ethers/ours {ethers / oneByOne:0.00}; all succeeded: {batch.Succeeded && single.All(r => r.Succeeded)}");
            }
        }
        finally
        {
            await anvil.DisposeAsync();
        }
    }
}
