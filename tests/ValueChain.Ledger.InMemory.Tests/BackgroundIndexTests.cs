using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>
/// The index of a persisted ledger is written in the background; its queries must answer exactly as the
/// in-memory ledger's do, whether the blocks asked about are still waiting for the index or indexed, and
/// after a reopen.
/// </summary>
public sealed class BackgroundIndexTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-index-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Persisted_queries_equal_in_memory_queries_while_indexing_and_after_reopen()
    {
        // One transaction per block, submitted one after the other, so both ledgers build the same blocks.
        await using InMemoryLedger memory = TestLedgers.Open();
        var ids = new List<TxId>();
        await using (InMemoryLedger disk = TestLedgers.Open(o => o.DataDirectory = _directory))
        {
            for (int round = 0; round < 40; round++)
            {
                ContractInvocation[] invocations =
                [
                    TestLedgers.Put($"k{round % 5}", $"v{round}"),
                    new(ConformanceChaincode.ChaincodeName, "emit", $$$"""{"name":"Tick","payload":{"round":{{{round}}}}}"""),
                    new(ConformanceChaincode.ChaincodeName, "delete", $$"""{"key":"k{{(round + 2) % 5}}"}"""),
                ];
                for (int i = 0; i < invocations.Length; i++)
                {
                    TransactionReceipt expected = await memory.SubmitAsync(TestLedgers.Members[i], invocations[i]);
                    TransactionReceipt actual = await disk.SubmitAsync(TestLedgers.Members[i], invocations[i]);
                    Assert.Equal(expected.TransactionId, actual.TransactionId);
                    ids.Add(actual.TransactionId);
                }

                // Straight after the receipts: the newest blocks are typically still waiting for the index.
                AssertSameQueries(memory, disk, ids);
            }
        }

        await using InMemoryLedger reopened = TestLedgers.Open(o => o.DataDirectory = _directory);
        AssertSameQueries(memory, reopened, ids);
        Assert.True(reopened.GetHistory(ConformanceChaincode.ChaincodeName, "k0").Count >= 8);
        Assert.Equal(40, (await reopened.GetEventsAsync(ConformanceChaincode.ChaincodeName, 0, reopened.Height)).Count);
    }

    private static void AssertSameQueries(InMemoryLedger expected, InMemoryLedger actual, List<TxId> ids)
    {
        Assert.Equal(expected.Height, actual.Height);
        for (int k = 0; k < 5; k++)
        {
            IReadOnlyList<KeyModification> want = expected.GetHistory(ConformanceChaincode.ChaincodeName, $"k{k}");
            IReadOnlyList<KeyModification> got = actual.GetHistory(ConformanceChaincode.ChaincodeName, $"k{k}");
            Assert.Equal(
                want.Select(m => (m.TransactionId, m.Timestamp, m.IsDelete, Convert.ToHexString(m.Value.Span))),
                got.Select(m => (m.TransactionId, m.Timestamp, m.IsDelete, Convert.ToHexString(m.Value.Span))));
        }

        for (long from = 0; from < actual.Height; from += 7)
        {
            IReadOnlyList<LedgerEvent> want = expected.GetEventsAsync(ConformanceChaincode.ChaincodeName, from, from + 9).GetAwaiter().GetResult();
            IReadOnlyList<LedgerEvent> got = actual.GetEventsAsync(ConformanceChaincode.ChaincodeName, from, from + 9).GetAwaiter().GetResult();
            Assert.Equal(want, got);
        }

        foreach (TxId id in ids.TakeLast(12))
        {
            TransactionRecord? record = actual.GetTransaction(id);
            Assert.NotNull(record);
            Assert.Equal(id, record.Transaction.Id);
            Assert.Equal(expected.GetTransaction(id)!.Block, record.Block);
            Assert.Equal(expected.GetBlock(record.Block.Number)!.Header, actual.GetBlock(record.Block.Number)!.Header);
        }
    }
}
