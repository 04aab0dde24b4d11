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

/// <summary>The same suite on a persisted ledger: history, events and lookups come from the block file and its index.</summary>
public sealed class PersistedInMemoryLedgerConformanceTests : LedgerConformance
{
    protected override Task<LedgerUnderTest> StartLedgerAsync()
    {
        string directory = Directory.CreateTempSubdirectory("valuechain-conformance-").FullName;
        InMemoryLedger ledger = TestLedgers.Open(o => { o.DataDirectory = directory; o.MaxBlockTransactions = 50; o.BlockCacheSize = 2; });
        return Task.FromResult(new LedgerUnderTest(ledger, ledger, TestLedgers.Members, new DeletingOwner(ledger, directory)));
    }

    private sealed class DeletingOwner(InMemoryLedger ledger, string directory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ledger.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
