using ValueChain.Conformance;
using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

/// <summary>The traceability conformance suite, unchanged, against PartChain's Solidity contracts on a hardhat 3 node (a snapshot per scenario).</summary>
[ConformanceDriver(ConformanceDriver.Hardhat)]
public sealed class TraceabilityOnHardhatTests(HardhatNode hardhat) : TraceabilityConformance, IClassFixture<HardhatNode>
{
    protected override Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options) => AnvilTraceability.StartAsync(hardhat, options);
}
