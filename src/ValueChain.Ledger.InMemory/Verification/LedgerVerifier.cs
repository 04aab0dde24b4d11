namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Recomputes everything a chain of blocks commits to: numbering and links, timestamps, producer
/// signatures, transaction signatures and network, nonce sequences, Merkle roots, receipts and the
/// state hash after replaying every write set. Reports the first block that does not match.
/// </summary>
internal static class LedgerVerifier
{
    public static LedgerVerification Verify(IReadOnlyList<LedgerBlock> blocks, string networkId, CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            return new LedgerVerification(0, 0, "the ledger has no genesis block");
        }

        var state = new StateBuilder(StateSnapshot.Empty);
        var nonces = new Dictionary<Address, ulong>();
        Address producer = blocks[0].Header.Producer;
        Hash32 previousHash = Hash32.Zero;
        DateTimeOffset previousTime = DateTimeOffset.MinValue;
        for (int i = 0; i < blocks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? problem = Check(blocks[i], i, previousHash, previousTime, producer, networkId, state, nonces);
            if (problem is not null)
            {
                return new LedgerVerification(i, i, problem);
            }

            previousHash = blocks[i].Header.Hash;
            previousTime = blocks[i].Header.Timestamp;
        }

        return new LedgerVerification(blocks.Count, null, null);
    }

    private static string? Check(LedgerBlock block, long expectedNumber, Hash32 previousHash, DateTimeOffset previousTime, Address producer, string networkId, StateBuilder state, Dictionary<Address, ulong> nonces)
    {
        EmbeddedBlockHeader header = block.Header;
        if (header.Number != expectedNumber) return $"its number is {header.Number}, expected {expectedNumber}";
        if (header.PreviousHash != previousHash) return $"its previous hash {header.PreviousHash} is not the hash of block {expectedNumber - 1} ({previousHash})";
        if (header.Timestamp < previousTime) return $"its time {header.Timestamp:O} is before the previous block's {previousTime:O}";
        if (header.Producer != producer) return $"it names producer {header.Producer}, not the genesis producer {producer}";
        if (!header.HasValidSignature()) return "the producer's signature does not match the header";
        if (block.Transactions.Count != header.TransactionCount || block.Receipts.Count != header.TransactionCount)
        {
            return $"it holds {block.Transactions.Count} transactions and {block.Receipts.Count} receipts, the header says {header.TransactionCount}";
        }

        if (expectedNumber > 0 && block.GenesisWrites.Count > 0) return "only the genesis block may carry genesis writes";

        bool[] signaturesValid = new bool[block.Transactions.Count];
        Parallel.For(0, signaturesValid.Length, j => signaturesValid[j] = block.Transactions[j].HasValidSignature());
        for (int j = 0; j < block.Transactions.Count; j++)
        {
            LedgerTransaction transaction = block.Transactions[j].Transaction;
            ReceiptRecord receipt = block.Receipts[j];
            if (!signaturesValid[j]) return $"transaction {j} ({transaction.Id}) is not signed by its sender {transaction.Sender}";
            if (transaction.NetworkId != networkId) return $"transaction {j} is for network '{transaction.NetworkId}'";
            ulong expectedNonce = nonces.GetValueOrDefault(transaction.Sender);
            if (transaction.Nonce != expectedNonce) return $"transaction {j} has nonce {transaction.Nonce} for {transaction.Sender}, expected {expectedNonce}";
            nonces[transaction.Sender] = expectedNonce + 1;
            if (receipt.TransactionId != transaction.Id) return $"receipt {j} belongs to {receipt.TransactionId}, not to transaction {transaction.Id}";
            if (receipt.Status == TransactionStatus.Failed && (receipt.Writes.Count > 0 || receipt.Events.Count > 0)) return $"failed transaction {j} has writes or events";
        }

        if (MerkleTree.Root(block.Transactions.Select(t => t.Transaction.Hash).ToList()) != header.TransactionsRoot) return "the transactions root does not match its transactions";
        if (MerkleTree.Root(block.Receipts.Select(r => r.Hash).ToList()) != header.ReceiptsRoot) return "the receipts root does not match its receipts";

        state.Apply(block.GenesisWrites);
        foreach (ReceiptRecord receipt in block.Receipts)
        {
            state.Apply(receipt.Writes);
        }

        return state.CurrentHash != header.StateHash ? "the state after replaying its writes does not match its state hash" : null;
    }
}
