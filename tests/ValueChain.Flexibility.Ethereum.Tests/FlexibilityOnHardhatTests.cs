using ValueChain.Conformance;
using ValueChain.Conformance.Flexibility;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

/// <summary>The flexibility conformance suite, unchanged, against the Solidity market on a hardhat 3 node (fresh contracts per scenario).</summary>
[ConformanceDriver(ConformanceDriver.Hardhat)]
public sealed class FlexibilityOnHardhatTests(HardhatNode hardhat) : FlexibilityConformance, IClassFixture<HardhatNode>
{
    protected override Task<FlexibilityUnderTest> StartLedgerAsync(FlexibilityOptions options) => AnvilMarkets.StartAsync(hardhat, options);
}
