using ValueChain.Conformance;
using ValueChain.Conformance.Procurement;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The procurement conformance suite, unchanged, on a live Fabric 2.5 network: the C# chaincode in this process's
/// chaincode-as-a-service server, as <see cref="TraceabilityOnFabricTests"/>. Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
[ConformanceDriver(ConformanceDriver.LiveFabric)]
public sealed class ProcurementOnFabricTests(LiveFabric fabric) : ProcurementOnChaincodeHost(fabric);
