using ValueChain.Conformance.Flexibility;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

/// <summary>The flexibility conformance suite, unchanged, against the Solidity market on anvil.</summary>
public sealed class FlexibilityOnAnvilTests(AnvilNode anvil) : FlexibilityConformance, IClassFixture<AnvilNode>
{
    protected override Task<FlexibilityUnderTest> StartAsync(FlexibilityOptions options) => AnvilMarkets.StartAsync(anvil, options);
}
