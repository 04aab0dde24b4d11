using System.Diagnostics;
using System.Text.Json;
using ValueChain.Flexibility;
using ValueChain.Ledger.Ethereum;
using ValueChain.Flexibility.Ethereum;
using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Testing;
using Terms = ValueChain.Flexibility.Ethereum.Contracts.FlexPlatform.FlexPlatformTerms;

namespace ValueChain.Benchmarks;

/// <summary>
/// The offering stage of the flexibility market on anvil: 633 offers (the published prototype's count,
/// which took it 24.78 s) sent by one fleet operator, pipelined, inside one offering stage, timed from the
/// first send to the last receipt. Run: <c>-- flex-offering</c>.
/// </summary>
internal static class FlexOfferingRun
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMilliseconds(500); // anvil mines at once: half a second without progress is a stall

    public static async Task RunAsync(int offers = 633, int rounds = 3)
    {
        var anvil = new AnvilNode();
        await anvil.InitializeAsync();
        using var http = new HttpClient();
        try
        {
            var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
            (EthereumClient verifier, _) = await AnvilAccounts.FundedClientAsync(rpc, StallTimeout);
            (EthereumClient fleetOperator, _) = await AnvilAccounts.FundedClientAsync(rpc, StallTimeout);
            FlexWhitelist whitelist = await FlexWhitelist.DeployAsync(verifier, ApplicationBytecode.Of(typeof(FlexibilityContracts).Assembly, nameof(FlexWhitelist)),
                [new(verifier.Account!.Value, 1, "TSO"), new(fleetOperator.Account!.Value, 3, "Fleet")]);
            FlexToken token = await FlexToken.DeployAsync(verifier, ApplicationBytecode.Of(typeof(FlexibilityContracts).Assembly, nameof(FlexToken)), whitelist.Address);
            FlexPlatform platform = await FlexPlatform.DeployAsync(verifier, ApplicationBytecode.Of(typeof(FlexibilityContracts).Assembly, nameof(FlexPlatform)),
                whitelist.Address, token.Address, 0, 300, 60, 86_400, false);
            var asFleetOperator = new FlexPlatform(fleetOperator, platform.Address);
            var gas = new List<ulong>();
            for (int round = 0; round < rounds; round++)
            {
                JsonElement block = await rpc.CallAsync("eth_getBlockByNumber", ["latest", false]);
                ulong now = Convert.ToUInt64(block.GetProperty("timestamp").GetString(), 16);
                ulong roundStart = (now / 900 + 1) * 900;
                await rpc.CallAsync("evm_setNextBlockTimestamp", [(long)roundStart + 1]);
                var terms = new Terms((uint)(roundStart / 86_400 + 1), 36, 4, OfferTerms.LocationHash("DE-BW-Karlsruhe-17"), 0, 10_000, 1_000, 100);
                var clock = Stopwatch.StartNew();
                TransactionReceipt[] receipts = await Task.WhenAll(Enumerable.Range(0, offers).Select(i => asFleetOperator.MakeOfferAsync(terms with { StartSlot = (ushort)(i % 90) })));
                double seconds = clock.Elapsed.TotalSeconds;
                gas.AddRange(receipts.Select(r => r.GasUsed));
                Console.WriteLine($"round {round}: {offers} offers in {seconds:0.000} s ({offers / seconds:0} tx/s), all succeeded: {receipts.All(r => r.Succeeded)}");
            }

            Console.WriteLine($"makeOffer gas: median {gas.Order().ElementAt(gas.Count / 2)}, min {gas.Min()}, max {gas.Max()}");
        }
        finally
        {
            await anvil.DisposeAsync();
        }
    }
}
