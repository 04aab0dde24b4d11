using ValueChain.Conformance;
using ValueChain.Conformance.Traceability;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>The traceability conformance suite, unchanged, against PartChain's Solidity contracts on anvil (a node per scenario).</summary>
[ConformanceDriver(ConformanceDriver.Anvil)]
public sealed class TraceabilityOnAnvilTests : TraceabilityConformance
{
    protected override Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options) => AnvilTraceability.StartAsync(options);
}
