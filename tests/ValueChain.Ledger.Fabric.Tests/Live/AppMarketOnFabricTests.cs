using ValueChain.Conformance;
using ValueChain.Conformance.AppMarket;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The app marketplace conformance suite, unchanged, on a live Fabric 2.5 network, as <see cref="TraceabilityOnFabricTests"/>.
/// Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
[ConformanceDriver(ConformanceDriver.LiveFabric)]
public sealed class AppMarketOnFabricTests(LiveFabric fabric) : AppMarketOnChaincodeHost(fabric);
