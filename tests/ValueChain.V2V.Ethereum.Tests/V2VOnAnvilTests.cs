using ValueChain.Conformance;
using ValueChain.Conformance.V2V;
using ValueChain.Testing;

namespace ValueChain.V2V.Ethereum.Tests;

/// <summary>The obstacle map's conformance suite, unchanged, against V2VMap on anvil.</summary>
[ConformanceDriver(ConformanceDriver.Anvil)]
public sealed class V2VOnAnvilTests(AnvilNode anvil) : V2VConformance, IClassFixture<AnvilNode>
{
    protected override Task<V2VUnderTest> StartLedgerAsync(V2VOptions options) => AnvilMaps.StartAsync(anvil, options);
}
