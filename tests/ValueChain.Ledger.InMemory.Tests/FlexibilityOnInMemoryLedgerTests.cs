using ValueChain.Conformance.Flexibility;
using ValueChain.Flexibility;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The flexibility market's conformance suite on the embedded ledger.</summary>
public sealed class FlexibilityOnInMemoryLedgerTests : FlexibilityConformance
{
    protected override Task<FlexibilityUnderTest> StartAsync(FlexibilityOptions options)
    {
        // The market keeps its own whitelist; the ledger lets any key submit.
        InMemoryLedger ledger = InMemoryLedger.Open(TestLedgers.Options(o => o.Membership = MembershipMode.Open), [new FlexibilityChaincode(options)]);
        return Task.FromResult(new FlexibilityUnderTest(new FlexibilityChaincodeAdapter(ledger), ledger, ledger));
    }
}
