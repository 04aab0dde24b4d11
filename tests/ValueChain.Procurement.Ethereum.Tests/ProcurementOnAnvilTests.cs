using ValueChain.Conformance;
using ValueChain.Conformance.Procurement;
using ValueChain.Testing;

namespace ValueChain.Procurement.Ethereum.Tests;

/// <summary>The procurement conformance suite, unchanged, against the Solidity marketplace on anvil.</summary>
[ConformanceDriver(ConformanceDriver.Anvil)]
public sealed class ProcurementOnAnvilTests(AnvilNode anvil) : ProcurementConformance, IClassFixture<AnvilNode>
{
    protected override Task<ProcurementUnderTest> StartLedgerAsync(ProcurementOptions options) => AnvilMarketplaces.StartAsync(anvil, options);
}
