using System.Buffers.Binary;
using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>Any change to stored data makes VerifyAsync fail and name the block, in memory and on disk.</summary>
public sealed class TamperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-tamper-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<InMemoryLedger> LedgerWithBlocksAsync(string? directory = null, bool verifyOnOpen = true)
    {
        // No checkpoints: a reopen replays, and so verifies, every block (a checkpoint would skip them; see CheckpointTests).
        InMemoryLedger ledger = TestLedgers.Open(o =>
        {
            o.DataDirectory = directory;
            o.VerifyOnOpen = verifyOnOpen;
            o.CheckpointInterval = 0;
        });
        for (int i = 0; i < 6; i++)
        {
            await ledger.SubmitAsync(TestLedgers.Members[i % 3], new ContractInvocation(ConformanceChaincode.ChaincodeName, "emit", $$$"""{"name":"E{{{i}}}","payload":{"i":{{{i}}}}}"""));
            await ledger.SubmitAsync(TestLedgers.Members[i % 3], TestLedgers.Put($"k{i}", $"v{i}"));
        }

        Assert.True((await ledger.VerifyAsync()).IsValid);
        return ledger;
    }

    private static async Task AssertNamesBlockAsync(InMemoryLedger ledger, long expectedBlock, string expectedProblem)
    {
        LedgerVerification verification = await ledger.VerifyAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(expectedBlock, verification.FirstInvalidBlock);
        Assert.Contains(expectedProblem, verification.Problem, StringComparison.Ordinal);
        Assert.Equal(expectedBlock, Assert.Throws<LedgerCorruptedException>(verification.EnsureValid).BlockNumber);
    }

    [Fact]
    public async Task Altering_a_stored_transaction_is_detected()
    {
        await using InMemoryLedger ledger = await LedgerWithBlocksAsync();
        LedgerBlock block = ledger.GetBlock(4)!;
        SignedTransaction original = block.Transactions[0];
        LedgerTransaction t = original.Transaction;
        var altered = original with { Transaction = new LedgerTransaction(t.NetworkId, t.Sender, t.Nonce, t.Invocation with { ArgumentsJson = t.Invocation.ArgumentsJson.Replace("v1", "v9", StringComparison.Ordinal) }) };

        ledger.Store.ReplaceForTesting(4, block with { Transactions = [altered] });

        await AssertNamesBlockAsync(ledger, 4, "is not signed by its sender");
    }

    [Fact]
    public async Task Altering_a_receipts_event_is_detected()
    {
        await using InMemoryLedger ledger = await LedgerWithBlocksAsync();
        LedgerBlock block = ledger.GetBlock(3)!;
        ReceiptRecord receipt = block.Receipts[0];
        Assert.NotEmpty(receipt.Events);

        ledger.Store.ReplaceForTesting(3, block with { Receipts = [receipt with { Events = [receipt.Events[0] with { PayloadJson = """{"i":99}""" }] }] });

        await AssertNamesBlockAsync(ledger, 3, "receipts root");
    }

    [Fact]
    public async Task Altering_a_block_header_field_is_detected()
    {
        await using InMemoryLedger ledger = await LedgerWithBlocksAsync();
        LedgerBlock block = ledger.GetBlock(5)!;

        ledger.Store.ReplaceForTesting(5, block with { Header = block.Header with { Timestamp = block.Header.Timestamp.AddSeconds(1) } });

        await AssertNamesBlockAsync(ledger, 5, "signature");
    }

    [Fact]
    public async Task Reordering_blocks_is_detected()
    {
        await using InMemoryLedger ledger = await LedgerWithBlocksAsync();
        LedgerBlock six = ledger.GetBlock(6)!, seven = ledger.GetBlock(7)!;

        ledger.Store.ReplaceForTesting(6, seven);
        ledger.Store.ReplaceForTesting(7, six);

        await AssertNamesBlockAsync(ledger, 6, "number is 7");
    }

    [Fact]
    public async Task Altering_a_write_set_is_detected_by_the_state_hash()
    {
        await using InMemoryLedger ledger = await LedgerWithBlocksAsync();
        LedgerBlock block = ledger.GetBlock(2)!;
        ReceiptRecord receipt = block.Receipts[0];

        ledger.Store.ReplaceForTesting(2, block with { Receipts = [receipt with { Writes = [receipt.Writes[0] with { Value = "forged"u8.ToArray() }] }] });

        await AssertNamesBlockAsync(ledger, 2, "receipts root");
    }

    [Fact]
    public async Task A_changed_transaction_in_the_block_file_is_refused_on_open_and_named()
    {
        await (await LedgerWithBlocksAsync(_directory)).DisposeAsync();
        RewriteRecord(4, payload => ReplaceOnce(payload, "\"v1\""u8, "\"v7\""u8));

        var refused = Assert.Throws<LedgerCorruptedException>(() => TestLedgers.Open(o => o.DataDirectory = _directory));
        Assert.Equal(4, refused.BlockNumber);

        await using InMemoryLedger unverified = TestLedgers.Open(o => { o.DataDirectory = _directory; o.VerifyOnOpen = false; });
        await AssertNamesBlockAsync(unverified, 4, "is not signed by its sender");
    }

    [Fact]
    public async Task A_changed_event_in_the_block_file_is_named()
    {
        await (await LedgerWithBlocksAsync(_directory)).DisposeAsync();
        // The payload appears in the transaction's arguments first and in the receipt's event last.
        RewriteRecord(5, payload => ReplaceOnce(payload, """{"i":2}"""u8, """{"i":8}"""u8, last: true));

        await using InMemoryLedger unverified = TestLedgers.Open(o => { o.DataDirectory = _directory; o.VerifyOnOpen = false; });
        await AssertNamesBlockAsync(unverified, 5, "receipts root");
    }

    [Fact]
    public async Task A_changed_header_field_in_the_block_file_is_named()
    {
        await (await LedgerWithBlocksAsync(_directory)).DisposeAsync();

        // The header starts with its 25-byte domain tag, then number (8), previous hash (32), time (8).
        RewriteRecord(6, payload =>
        {
            byte[] copy = (byte[])payload.Clone();
            copy[25 + 8 + 32 + 7] ^= 0x01;
            return copy;
        });

        Assert.Equal(6, Assert.Throws<LedgerCorruptedException>(() => TestLedgers.Open(o => o.DataDirectory = _directory)).BlockNumber);
        await using InMemoryLedger unverified = TestLedgers.Open(o => { o.DataDirectory = _directory; o.VerifyOnOpen = false; });
        await AssertNamesBlockAsync(unverified, 6, "signature");
    }

    [Fact]
    public async Task Swapped_records_in_the_block_file_are_named()
    {
        await (await LedgerWithBlocksAsync(_directory)).DisposeAsync();
        List<byte[]> records = ReadRecords();
        (records[8], records[9]) = (records[9], records[8]);
        File.WriteAllBytes(BlockFilePath, records.SelectMany(r => r).ToArray());

        Assert.Equal(8, Assert.Throws<LedgerCorruptedException>(() => TestLedgers.Open(o => o.DataDirectory = _directory)).BlockNumber);
    }

    [Fact]
    public async Task A_damaged_record_in_the_middle_is_refused_not_truncated()
    {
        await (await LedgerWithBlocksAsync(_directory)).DisposeAsync();
        List<byte[]> records = ReadRecords();
        records[3][20] ^= 0xff; // checksum no longer matches, and more records follow
        File.WriteAllBytes(BlockFilePath, records.SelectMany(r => r).ToArray());
        long length = new FileInfo(BlockFilePath).Length;

        Assert.Equal(3, Assert.Throws<LedgerCorruptedException>(() => TestLedgers.Open(o => o.DataDirectory = _directory)).BlockNumber);
        Assert.Equal(length, new FileInfo(BlockFilePath).Length);
    }

    private string BlockFilePath => Path.Combine(_directory, "blocks.vcl");

    private List<byte[]> ReadRecords()
    {
        byte[] file = File.ReadAllBytes(BlockFilePath);
        var records = new List<byte[]>();
        for (int at = 0; at < file.Length;)
        {
            int length = 8 + BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at + 4)) + 8;
            records.Add(file[at..(at + length)]);
            at += length;
        }

        return records;
    }

    // Rewrites block n's payload and recomputes its checksum: a deliberate tamper, not a torn write.
    private void RewriteRecord(int block, Func<byte[], byte[]> change)
    {
        List<byte[]> records = ReadRecords();
        byte[] payload = change(records[block][8..^8]);
        byte[] record = new byte[8 + payload.Length + 8];
        records[block].AsSpan(0, 4).CopyTo(record);
        BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(4), payload.Length);
        payload.CopyTo(record, 8);
        Keccak256.Hash(payload).ToArray().AsSpan(0, 8).CopyTo(record.AsSpan(8 + payload.Length));
        records[block] = record;
        File.WriteAllBytes(BlockFilePath, records.SelectMany(r => r).ToArray());
    }

    private static byte[] ReplaceOnce(byte[] data, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to, bool last = false)
    {
        int at = last ? data.AsSpan().LastIndexOf(from) : data.AsSpan().IndexOf(from);
        Assert.True(at >= 0, "the bytes to tamper with are in the record");
        byte[] copy = (byte[])data.Clone();
        to.CopyTo(copy.AsSpan(at));
        return copy;
    }
}
