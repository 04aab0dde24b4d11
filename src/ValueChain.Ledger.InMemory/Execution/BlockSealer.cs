using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>Builds a signed block from executed transactions.</summary>
internal static class BlockSealer
{
    public static LedgerBlock Seal(
        long number,
        Hash32 previousHash,
        DateTimeOffset timestamp,
        IReadOnlyList<SignedTransaction> transactions,
        IReadOnlyList<ReceiptRecord> receipts,
        IReadOnlyList<StateWrite> genesisWrites,
        Hash32 stateHash,
        PrivateKey producer)
    {
        Hash32 transactionsRoot = MerkleTree.Root(transactions.Select(t => t.Transaction.Hash).ToList());
        Hash32 receiptsRoot = MerkleTree.Root(receipts.Select(r => r.Hash).ToList());
        var unsigned = new EmbeddedBlockHeader(number, previousHash, timestamp, transactions.Count, transactionsRoot, receiptsRoot, stateHash, producer.Address, default);
        EmbeddedBlockHeader header = unsigned with { Signature = Secp256k1.Sign(producer, unsigned.Hash) };
        return new LedgerBlock(header, transactions, receipts, genesisWrites);
    }

    /// <summary>The receipt as the ledger ports show it.</summary>
    public static TransactionReceipt ToTransactionReceipt(ReceiptRecord receipt, long blockNumber, int firstEventIndex) => new(
        receipt.TransactionId,
        blockNumber,
        receipt.Status,
        receipt.Events.Select((e, i) => new LedgerEvent(e.Chaincode, e.Name, e.PayloadJson, blockNumber, receipt.TransactionId, firstEventIndex + i)).ToList(),
        receipt.ResultJson,
        receipt.ErrorCode,
        receipt.ErrorMessage);
}
