using ValueChain.Conformance.Traceability;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>The traceability conformance suite, unchanged, against PartChain's Solidity contracts on anvil (a node per scenario).</summary>
public sealed class TraceabilityOnAnvilTests : TraceabilityConformance
{
    protected override Task<TraceabilityUnderTest> StartAsync(TraceabilityOptions options) => AnvilTraceability.StartAsync(options);
}
