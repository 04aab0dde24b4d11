using ValueChain.Conformance;
using ValueChain.Conformance.V2V;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The obstacle map's conformance suite on the embedded ledger.</summary>
[ConformanceDriver(ConformanceDriver.Embedded)]
public sealed class V2VOnInMemoryLedgerTests() : V2VOnChaincodeHost(new EmbeddedChaincodeHost());
