using ValueChain.Conformance;
using ValueChain.Conformance.Flexibility;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The flexibility conformance suite on the embedded ledger.</summary>
[ConformanceDriver(ConformanceDriver.Embedded)]
public sealed class FlexibilityOnInMemoryLedgerTests() : FlexibilityOnChaincodeHost(new EmbeddedChaincodeHost());
