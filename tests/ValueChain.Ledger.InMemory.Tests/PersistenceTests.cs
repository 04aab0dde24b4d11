using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>A persisted ledger reopens to the same blocks and state, and a torn last record is cut off.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-persist-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private InMemoryLedger Open(int blockSize = 1) => TestLedgers.Open(o => { o.DataDirectory = _directory; o.MaxBlockTransactions = blockSize; });

    [Fact]
    public async Task Reopening_replays_to_the_same_head_state_nonces_and_history()
    {
        EmbeddedBlockHeader head;
        await using (InMemoryLedger ledger = Open(blockSize: 8))
        {
            await Task.WhenAll(Enumerable.Range(0, 30).Select(i => ledger.SubmitAsync(TestLedgers.Members[i % 3], TestLedgers.Put($"k{i % 7}", $"v{i}"))));
            await ledger.SubmitAsync(TestLedgers.Members[0], new ContractInvocation(ConformanceChaincode.ChaincodeName, "delete", """{"key":"k3"}"""));
            head = ledger.Head;
        }

        await using InMemoryLedger reopened = Open(blockSize: 8);

        Assert.Equal(head, reopened.Head);
        Assert.Null(TestLedgers.Get(reopened, "k3"));
        Assert.NotNull(TestLedgers.Get(reopened, "k4"));
        Assert.True(reopened.GetHistory(ConformanceChaincode.ChaincodeName, "k3")[^1].IsDelete);
        Assert.Equal(11UL, reopened.GetNextNonce(TestLedgers.Members[0].Address));
        Assert.True((await reopened.VerifyAsync()).IsValid);

        TransactionReceipt next = await reopened.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("after", "reopen"));
        Assert.Equal(head.Number + 1, next.BlockNumber);
        Assert.Equal(head.Hash, reopened.Head.PreviousHash);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(100)]
    public async Task A_torn_last_record_is_cut_off_and_the_committed_prefix_kept(int tornBytes)
    {
        EmbeddedBlockHeader head;
        await using (InMemoryLedger ledger = Open())
        {
            for (int i = 0; i < 5; i++)
            {
                await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put($"t{i}", "x"));
            }

            head = ledger.Head;
        }

        // A crash mid-write leaves a prefix of the next record: here, of a copy of the last one.
        string file = Path.Combine(_directory, "blocks.vcl");
        long committedLength = new FileInfo(file).Length;
        byte[] content = File.ReadAllBytes(file);
        int lastRecordLength = 8 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(LastRecordStart(content) + 4)) + 8;
        byte[] partial = content[LastRecordStart(content)..][..Math.Min(tornBytes, lastRecordLength - 1)];
        await using (FileStream append = new(file, FileMode.Append))
        {
            append.Write(partial);
        }

        await using InMemoryLedger reopened = Open();

        Assert.Equal(head, reopened.Head);
        Assert.Equal(committedLength, new FileInfo(file).Length);
        Assert.True((await reopened.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("t5", "x"))).Succeeded);
    }

    private static int LastRecordStart(byte[] content)
    {
        int at = 0, last = 0;
        while (at < content.Length)
        {
            last = at;
            at += 8 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(at + 4)) + 8;
        }

        return last;
    }

    [Fact]
    public async Task A_zero_filled_tail_is_cut_off()
    {
        await using (InMemoryLedger ledger = Open())
        {
            await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("z", "x"));
        }

        string file = Path.Combine(_directory, "blocks.vcl");
        long committedLength = new FileInfo(file).Length;
        await using (FileStream append = new(file, FileMode.Append))
        {
            append.Write(new byte[4096]);
        }

        await using InMemoryLedger reopened = Open();

        Assert.Equal("x", TestLedgers.Get(reopened, "z"));
        Assert.Equal(committedLength, new FileInfo(file).Length);
    }

    [Fact]
    public async Task The_producer_key_is_kept_beside_the_blocks_when_none_is_given()
    {
        Address producer;
        var options = TestLedgers.Options(o => { o.DataDirectory = _directory; o.ProducerKey = null; });
        await using (InMemoryLedger ledger = InMemoryLedger.Open(options, [new ConformanceChaincode()]))
        {
            producer = ledger.ProducerAddress;
            await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("a", "b"));
        }

        await using InMemoryLedger reopened = InMemoryLedger.Open(TestLedgers.Options(o => { o.DataDirectory = _directory; o.ProducerKey = null; }), [new ConformanceChaincode()]);

        Assert.Equal(producer, reopened.ProducerAddress);
        Assert.True((await reopened.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("c", "d"))).Succeeded);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "producer.key")));
        }
    }

    [Fact]
    public async Task A_block_file_of_another_network_is_refused()
    {
        await (Open()).DisposeAsync();

        var error = Assert.Throws<ConfigurationException>(() => TestLedgers.Open(o => { o.DataDirectory = _directory; o.NetworkId = "other"; }));

        Assert.Contains("belongs to network 'valuechain-embedded'", error.Message, StringComparison.Ordinal);
    }
}
