using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The ledger-level conformance suite on the embedded ledger: one block per transaction.</summary>
public sealed class InMemoryLedgerConformanceTests : LedgerConformance
{
    protected override Task<LedgerUnderTest> StartLedgerAsync()
    {
        InMemoryLedger ledger = TestLedgers.Open();
        return Task.FromResult(new LedgerUnderTest(ledger, ledger, TestLedgers.Members, ledger));
    }
}

/// <summary>The same suite with blocks of up to 50 transactions.</summary>
public sealed class InMemoryLedgerBatchedConformanceTests : LedgerConformance
{
    protected override Task<LedgerUnderTest> StartLedgerAsync()
    {
        InMemoryLedger ledger = TestLedgers.Open(o => o.MaxBlockTransactions = 50);
        return Task.FromResult(new LedgerUnderTest(ledger, ledger, TestLedgers.Members, ledger));
    }
}
