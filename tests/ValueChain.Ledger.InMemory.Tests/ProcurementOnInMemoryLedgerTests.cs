using ValueChain.Conformance;
using ValueChain.Conformance.Procurement;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The procurement conformance suite on the embedded ledger.</summary>
[ConformanceDriver(ConformanceDriver.Embedded)]
public sealed class ProcurementOnInMemoryLedgerTests() : ProcurementOnChaincodeHost(new EmbeddedChaincodeHost());
