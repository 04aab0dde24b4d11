using ValueChain.Conformance;
using ValueChain.Conformance.Flexibility;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The flexibility conformance suite, unchanged, on a live Fabric 2.5 network, as <see cref="TraceabilityOnFabricTests"/>.
/// Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
[ConformanceDriver(ConformanceDriver.LiveFabric)]
public sealed class FlexibilityOnFabricTests(LiveFabric fabric) : FlexibilityOnChaincodeHost(fabric);
