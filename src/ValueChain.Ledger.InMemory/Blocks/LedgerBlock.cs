namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A block of the embedded ledger: its header, its transactions in execution order and one receipt
/// per transaction. The genesis block (number 0) has no transactions; its
/// <see cref="GenesisWrites"/> set the initial state (the network's members).
/// </summary>
public sealed record LedgerBlock(
    EmbeddedBlockHeader Header,
    IReadOnlyList<SignedTransaction> Transactions,
    IReadOnlyList<ReceiptRecord> Receipts,
    IReadOnlyList<StateWrite> GenesisWrites)
{
    /// <summary>The block number.</summary>
    public long Number => Header.Number;

    internal byte[] Encode()
    {
        var encoder = new BinaryEncoder();
        Header.Encode(encoder).UInt32((uint)Transactions.Count);
        foreach (SignedTransaction transaction in Transactions)
        {
            transaction.Encode(encoder);
        }

        encoder.UInt32((uint)Receipts.Count);
        foreach (ReceiptRecord receipt in Receipts)
        {
            receipt.Encode(encoder);
        }

        // Genesis writes reuse the receipt's write-set encoding.
        new ReceiptRecord(default, TransactionStatus.Succeeded, null, null, null, [], GenesisWrites).Encode(encoder);
        return encoder.ToArray();
    }

    internal static LedgerBlock Decode(ReadOnlySpan<byte> data)
    {
        var decoder = new BinaryDecoder(data);
        EmbeddedBlockHeader header = EmbeddedBlockHeader.Decode(ref decoder);
        var transactions = new SignedTransaction[decoder.UInt32()];
        for (int i = 0; i < transactions.Length; i++)
        {
            transactions[i] = SignedTransaction.Decode(ref decoder);
        }

        var receipts = new ReceiptRecord[decoder.UInt32()];
        for (int i = 0; i < receipts.Length; i++)
        {
            receipts[i] = ReceiptRecord.Decode(ref decoder);
        }

        IReadOnlyList<StateWrite> genesis = ReceiptRecord.Decode(ref decoder).Writes;
        if (!decoder.IsEmpty)
        {
            throw new InvalidDataException("The block record has trailing bytes.");
        }

        return new LedgerBlock(header, transactions, receipts, genesis);
    }
}
