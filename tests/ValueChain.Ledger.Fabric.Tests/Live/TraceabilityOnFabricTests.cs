using ValueChain.Conformance;
using ValueChain.Conformance.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// The traceability conformance suite, unchanged, on a live Fabric 2.5 network: the C# chaincode in this
/// process's chaincode-as-a-service server, reached by the peer; the adapter over <see cref="FabricContractGateway"/>.
/// Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
[ConformanceDriver(ConformanceDriver.LiveFabric)]
public sealed class TraceabilityOnFabricTests(LiveFabric fabric) : TraceabilityOnChaincodeHost(fabric);
