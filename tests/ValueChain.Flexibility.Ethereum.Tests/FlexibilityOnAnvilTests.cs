using ValueChain.Conformance;
using ValueChain.Conformance.Flexibility;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

/// <summary>The flexibility conformance suite, unchanged, against the Solidity market on anvil.</summary>
[ConformanceDriver(ConformanceDriver.Anvil)]
public sealed class FlexibilityOnAnvilTests(AnvilNode anvil) : FlexibilityConformance, IClassFixture<AnvilNode>
{
    protected override Task<FlexibilityUnderTest> StartLedgerAsync(FlexibilityOptions options) => AnvilMarkets.StartAsync(anvil, options);
}
