using ValueChain.Conformance;
using ValueChain.Conformance.AppMarket;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The app marketplace conformance suite on the embedded ledger.</summary>
[ConformanceDriver(ConformanceDriver.Embedded)]
public sealed class AppMarketOnInMemoryLedgerTests() : AppMarketOnChaincodeHost(new EmbeddedChaincodeHost());
