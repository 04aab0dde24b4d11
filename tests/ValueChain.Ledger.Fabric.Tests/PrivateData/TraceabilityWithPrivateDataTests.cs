using ValueChain.Conformance;
using ValueChain.Conformance.Traceability;
using ValueChain.Ledger.InMemory;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.PrivateData;

/// <summary>
/// The traceability conformance suite, unchanged, with order and delivery details in a private data collection:
/// the embedded ledger given a member peer's private-data facet (<see cref="CollectionsChaincode"/>). The same
/// rules hold whichever store keeps the details; the live Fabric suites run the same path on real peers.
/// </summary>
public sealed class TraceabilityWithPrivateDataTests() : TraceabilityOnChaincodeHost(new PrivateDataHost())
{
    [Fact]
    public async Task Orders_deliveries_and_the_order_index_go_to_the_collection_and_nothing_of_them_to_world_state()
    {
        var chaincode = new CollectionsChaincode(new TraceabilityChaincode(TraceabilityActors.Options()), "traceabilityDetails");
        await using InMemoryLedger ledger = PrivateDataHost.Open(chaincode);
        var chain = new TraceabilityChaincodeAdapter(ledger);
        await chain.RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("P-1", "PN-1", "B-1")], TraceabilityActors.Plant);
        await chain.PlaceOrderAsync(TraceabilityActors.Tier1, "O-1", TraceabilityActors.Tier2a.Address, "PN-1", 1, DateTimeOffset.UnixEpoch.AddYears(60));
        await chain.CreateDeliveryAsync(TraceabilityActors.Tier2a, "D-1", "O-1", TraceabilityActors.Lsp.Address, ["P-1"]);

        string[] details = ["order\u001fO-1", "delivery\u001fD-1", $"ix-order\u001f{TraceabilityActors.Tier1.Address.ToLowerHex()}\u001fO-1", $"ix-order\u001f{TraceabilityActors.Lsp.Address.ToLowerHex()}\u001fO-1"];
        foreach (string key in details)
        {
            Assert.True(chaincode.Private.ContainsKey(("traceabilityDetails", key)), $"{key} is not in the collection");
            Assert.DoesNotContain(key, chaincode.WorldStateWrites);
        }

        Assert.Contains("part\u001fP-1", chaincode.WorldStateWrites);
        Assert.Equal("O-1", (await chain.GetOrderAsync(TraceabilityActors.Lsp, "O-1"))!.OrderId);
    }

    private sealed class PrivateDataHost : IChaincodeHost
    {
        public static InMemoryLedger Open(IChaincode chaincode) =>
            InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)) }, [chaincode]);

        public Task<HostedChaincode> StartAsync(IChaincode chaincode)
        {
            InMemoryLedger ledger = Open(new CollectionsChaincode(chaincode, new TraceabilityOptions().DetailsCollection));
            return Task.FromResult(new HostedChaincode(ledger, ledger, ledger));
        }

        public void Require()
        {
            // The embedded ledger needs nothing but this process.
        }
    }
}
