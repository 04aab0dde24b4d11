using ValueChain.Conformance;
using ValueChain.Conformance.V2V;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The obstacle map's conformance suite, unchanged, on a live Fabric 2.5 network, as <see cref="TraceabilityOnFabricTests"/>.
/// Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
[ConformanceDriver(ConformanceDriver.LiveFabric)]
public sealed class V2VOnFabricTests(LiveFabric fabric) : V2VOnChaincodeHost(fabric);
