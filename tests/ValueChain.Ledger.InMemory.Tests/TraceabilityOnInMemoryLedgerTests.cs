using ValueChain.Conformance.Traceability;
using ValueChain.Traceability;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The PartChain conformance suite on the embedded ledger.</summary>
public sealed class TraceabilityOnInMemoryLedgerTests : TraceabilityConformance
{
    protected override Task<TraceabilityUnderTest> StartAsync(TraceabilityOptions options)
    {
        // PartChain keeps its own participant registry; the ledger lets any key submit.
        InMemoryLedger ledger = InMemoryLedger.Open(
            TestLedgers.Options(o => { o.Membership = MembershipMode.Open; o.Clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)); }),
            [new TraceabilityChaincode(options)]);
        return Task.FromResult(new TraceabilityUnderTest(new TraceabilityChaincodeAdapter(ledger), ledger, ledger, ledger));
    }
}
