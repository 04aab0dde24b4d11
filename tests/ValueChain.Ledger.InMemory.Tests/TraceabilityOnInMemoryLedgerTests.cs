using ValueChain.Conformance;
using ValueChain.Conformance.Traceability;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The traceability conformance suite on the embedded ledger.</summary>
[ConformanceDriver(ConformanceDriver.Embedded)]
public sealed class TraceabilityOnInMemoryLedgerTests() : TraceabilityOnChaincodeHost(new EmbeddedChaincodeHost());
