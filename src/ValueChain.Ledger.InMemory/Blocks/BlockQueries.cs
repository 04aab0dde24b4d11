namespace ValueChain.Ledger.InMemory;

/// <summary>Lookups on stored blocks, shared by the live ledger and the read-only archive.</summary>
internal static class BlockQueries
{
    public static TransactionRecord Transaction(LedgerBlock block, int index) =>
        new(block.Transactions[index], block.Receipts[index], block.Header, index);

    public static InclusionProof Proof(LedgerBlock block, int index, ProofKind kind)
    {
        List<Hash32> items = kind == ProofKind.Transaction
            ? block.Transactions.Select(t => t.Transaction.Hash).ToList()
            : block.Receipts.Select(r => r.Hash).ToList();
        return new InclusionProof(kind, block.Number, index, items[index], MerkleTree.Path(items, index));
    }

    /// <summary>A chaincode's events in one block, numbered by their position among all the block's events.</summary>
    public static IEnumerable<LedgerEvent> Events(LedgerBlock block, string chaincode)
    {
        int index = 0;
        foreach (ReceiptRecord receipt in block.Receipts)
        {
            foreach (EventRecord e in receipt.Events)
            {
                if (e.Chaincode == chaincode)
                {
                    yield return new LedgerEvent(e.Chaincode, e.Name, e.PayloadJson, block.Number, receipt.TransactionId, index);
                }

                index++;
            }
        }
    }

    /// <summary>Adds the versions of a stored key that one block wrote (its genesis writes, then each transaction's), in ledger order.</summary>
    public static void History(LedgerBlock block, string storedKey, List<HistoryEntry> entries)
    {
        DateTimeOffset time = block.Header.Timestamp;
        foreach (StateWrite write in block.GenesisWrites)
        {
            if (write.Key == storedKey)
            {
                entries.Add(new HistoryEntry(block.Number, default, time, write.Value));
            }
        }

        for (int i = 0; i < block.Receipts.Count; i++)
        {
            foreach (StateWrite write in block.Receipts[i].Writes)
            {
                if (write.Key == storedKey)
                {
                    entries.Add(new HistoryEntry(block.Number, block.Transactions[i].Id, time, write.Value));
                }
            }
        }
    }

    /// <summary>Decodes the block file's record <paramref name="index"/>; a record that does not decode is corruption of that block.</summary>
    public static LedgerBlock Decode(byte[] record, long index)
    {
        try
        {
            return LedgerBlock.Decode(record);
        }
        catch (Exception e) when (e is InvalidDataException or ValueChainException or ArgumentException or OverflowException)
        {
            throw new LedgerCorruptedException(index, $"its record cannot be decoded ({e.Message})");
        }
    }
}
