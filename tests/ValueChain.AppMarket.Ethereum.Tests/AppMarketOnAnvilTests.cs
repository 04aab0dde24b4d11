using ValueChain.Conformance;
using ValueChain.Conformance.AppMarket;
using ValueChain.Testing;

namespace ValueChain.AppMarket.Ethereum.Tests;

/// <summary>The app marketplace conformance suite, unchanged, against the Solidity marketplace on anvil.</summary>
[ConformanceDriver(ConformanceDriver.Anvil)]
public sealed class AppMarketOnAnvilTests(AnvilNode anvil) : AppMarketConformance, IClassFixture<AnvilNode>
{
    protected override Task<AppMarketUnderTest> StartLedgerAsync(AppMarketOptions options) => AnvilMarketplaces.StartAsync(anvil, options);
}
