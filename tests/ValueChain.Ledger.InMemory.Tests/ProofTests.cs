namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>Inclusion proofs verify with only the block header, and only for what they prove.</summary>
public sealed class ProofTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Proofs_of_every_transaction_and_receipt_verify_with_the_header_alone(int blockSize)
    {
        await using InMemoryLedger ledger = TestLedgers.Open(o => o.MaxBlockTransactions = blockSize);
        TransactionReceipt[] receipts = await Task.WhenAll(Enumerable.Range(0, 21).Select(i =>
            ledger.SubmitAsync(TestLedgers.Members[i % 3], TestLedgers.Put($"p{i}", "x"))));

        foreach (TransactionReceipt receipt in receipts)
        {
            TransactionRecord record = ledger.GetTransaction(receipt.TransactionId)!;
            EmbeddedBlockHeader header = record.Block;
            InclusionProof transactionProof = ledger.GetProof(receipt.TransactionId, ProofKind.Transaction)!;
            InclusionProof receiptProof = ledger.GetProof(receipt.TransactionId, ProofKind.Receipt)!;

            Assert.True(header.HasValidSignature());
            Assert.Equal(ledger.ProducerAddress, header.Producer);
            Assert.Equal(record.Transaction.Transaction.Hash, transactionProof.ItemHash);
            Assert.Equal(record.Receipt.Hash, receiptProof.ItemHash);
            Assert.True(transactionProof.Verify(header));
            Assert.True(receiptProof.Verify(header));
        }
    }

    [Fact]
    public async Task A_proof_for_another_transaction_or_a_changed_header_fails()
    {
        // The block seals when its twelfth transaction arrives; the linger only bounds the wait.
        await using InMemoryLedger ledger = TestLedgers.Open(o => { o.MaxBlockTransactions = 12; o.BlockLinger = TimeSpan.FromMinutes(1); });
        TransactionReceipt[] receipts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            ledger.SubmitAsync(TestLedgers.Members[i % 3], TestLedgers.Put($"q{i}", "x"))));
        TransactionReceipt first = receipts[0];
        Assert.All(receipts, r => Assert.Equal(first.BlockNumber, r.BlockNumber));
        TransactionReceipt other = receipts[5];
        InclusionProof proof = ledger.GetProof(first.TransactionId, ProofKind.Transaction)!;
        EmbeddedBlockHeader header = ledger.GetTransaction(first.TransactionId)!.Block;

        Assert.True(proof.Verify(header));
        Assert.False((proof with { ItemHash = other.TransactionId.Hash }).Verify(header));
        Assert.False((proof with { Index = proof.Index + 1 }).Verify(header));
        Assert.False(proof.Verify(header with { TransactionsRoot = header.ReceiptsRoot }));
        // The tree size alone does not change every audit path; the signed header binds it.
        Assert.False((header with { TransactionCount = header.TransactionCount + 1 }).HasValidSignature());
        Assert.False(proof.Verify(ledger.GetBlock(0)!.Header));
        Assert.False((header with { TransactionsRoot = Keccak256.Hash("forged"u8) }).HasValidSignature());
        Assert.False(ledger.GetProof(first.TransactionId, ProofKind.Receipt)!.Verify(header with { ReceiptsRoot = header.TransactionsRoot }));
    }

    [Fact]
    public void Merkle_roots_follow_rfc6962_shape_for_every_size()
    {
        for (int size = 1; size <= 33; size++)
        {
            var items = Enumerable.Range(0, size).Select(i => Keccak256.Hash(BitConverter.GetBytes(i))).ToList();
            Hash32 root = MerkleTree.Root(items);
            for (int i = 0; i < size; i++)
            {
                Assert.True(MerkleTree.Verify(items[i], i, size, MerkleTree.Path(items, i), root), $"leaf {i} of {size}");
                Assert.False(MerkleTree.Verify(items[(i + 1) % size], i, size, MerkleTree.Path(items, i), root) && size > 1, $"wrong leaf {i} of {size}");
            }
        }

        // Two leaves: root = H(0x01 ‖ H(0x00 ‖ a) ‖ H(0x00 ‖ b)).
        Hash32 a = Keccak256.Hash("a"u8), b = Keccak256.Hash("b"u8);
        Hash32 leafA = Keccak256.Hash([0x00, .. a.ToArray()]), leafB = Keccak256.Hash([0x00, .. b.ToArray()]);
        Assert.Equal(Keccak256.Hash([0x01, .. leafA.ToArray(), .. leafB.ToArray()]), MerkleTree.Root([a, b]));
    }
}
