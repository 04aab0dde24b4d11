using ValueChain.Conformance;
using ValueChain.Conformance.Ledger;
using ValueChain.Conformance.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The generic ledger conformance suite (writes, failures, own-write reads, ranges, history, events by
/// range and live, caller, read-only queries, concurrency, time) on a live Fabric network through
/// <see cref="FabricContractGateway"/>. Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
public sealed class LedgerOnFabricTests(LiveFabric fabric) : LedgerConformance
{
    protected override async Task<LedgerUnderTest> StartLedgerAsync()
    {
        HostedChaincode hosted = await fabric.StartAsync(new ConformanceChaincode());
        return new LedgerUnderTest(hosted.Gateway, hosted.Time, [TraceabilityActors.Oem, TraceabilityActors.Tier1, TraceabilityActors.Tier2a], hosted.Owner);
    }
}
