namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Replays a chain of blocks in order onto a state and the senders' nonces, from genesis or from a
/// checkpoint. When verifying, it first recomputes everything a block commits to: numbering and links,
/// timestamps, producer signatures, transaction signatures and network, nonce sequences, Merkle roots,
/// receipts and the state hash after its write sets; it stops at the first block that does not match.
/// </summary>
internal sealed class ChainReplay
{
    private readonly string _networkId;
    private readonly bool _verify;
    private Address? _producer;
    private Hash32 _previousHash;
    private DateTimeOffset _previousTime;

    /// <summary>A replay from genesis.</summary>
    public ChainReplay(string networkId, bool verify)
        : this(networkId, verify, new StateBuilder(StateSnapshot.Empty), [], 0, Hash32.Zero, DateTimeOffset.MinValue, null)
    {
    }

    private ChainReplay(string networkId, bool verify, StateBuilder state, Dictionary<Address, ulong> nonces, long next, Hash32 previousHash, DateTimeOffset previousTime, Address? producer)
    {
        _networkId = networkId;
        _verify = verify;
        State = state;
        Nonces = nonces;
        NextNumber = next;
        _previousHash = previousHash;
        _previousTime = previousTime;
        _producer = producer;
    }

    /// <summary>The state after the blocks applied so far.</summary>
    public StateBuilder State { get; }

    /// <summary>Every sender's next nonce after the blocks applied so far.</summary>
    public Dictionary<Address, ulong> Nonces { get; }

    /// <summary>The number the next block must have.</summary>
    public long NextNumber { get; private set; }

    /// <summary>A replay that goes on after <paramref name="header"/>'s block, from the state and nonces a checkpoint holds.</summary>
    public static ChainReplay After(EmbeddedBlockHeader header, StateBuilder state, Dictionary<Address, ulong> nonces, string networkId, bool verify) =>
        new(networkId, verify, state, nonces, header.Number + 1, header.Hash, header.Timestamp, header.Producer);

    /// <summary>Applies the next block; when verifying, returns what does not match instead (and applies nothing).</summary>
    public string? Apply(LedgerBlock block)
    {
        if (_verify && Check(block) is { } problem)
        {
            return problem;
        }

        foreach (SignedTransaction transaction in block.Transactions)
        {
            Nonces[transaction.Transaction.Sender] = transaction.Transaction.Nonce + 1;
        }

        State.Apply(block.GenesisWrites);
        foreach (ReceiptRecord receipt in block.Receipts)
        {
            State.Apply(receipt.Writes);
        }

        if (_verify && State.CurrentHash != block.Header.StateHash)
        {
            return "the state after replaying its writes does not match its state hash";
        }

        _producer ??= block.Header.Producer;
        _previousHash = block.Header.Hash;
        _previousTime = block.Header.Timestamp;
        NextNumber++;
        return null;
    }

    private string? Check(LedgerBlock block)
    {
        EmbeddedBlockHeader header = block.Header;
        long expectedNumber = NextNumber;
        if (header.Number != expectedNumber) return $"its number is {header.Number}, expected {expectedNumber}";
        if (header.PreviousHash != _previousHash) return $"its previous hash {header.PreviousHash} is not the hash of block {expectedNumber - 1} ({_previousHash})";
        if (header.Timestamp < _previousTime) return $"its time {header.Timestamp:O} is before the previous block's {_previousTime:O}";
        if (_producer is { } producer && header.Producer != producer) return $"it names producer {header.Producer}, not the genesis producer {producer}";
        if (!header.HasValidSignature()) return "the producer's signature does not match the header";
        if (block.Transactions.Count != header.TransactionCount || block.Receipts.Count != header.TransactionCount)
        {
            return $"it holds {block.Transactions.Count} transactions and {block.Receipts.Count} receipts, the header says {header.TransactionCount}";
        }

        if (expectedNumber > 0 && block.GenesisWrites.Count > 0) return "only the genesis block may carry genesis writes";

        bool[] signaturesValid = new bool[block.Transactions.Count];
        Parallel.For(0, signaturesValid.Length, j => signaturesValid[j] = block.Transactions[j].HasValidSignature());
        var nonces = new Dictionary<Address, ulong>();
        for (int j = 0; j < block.Transactions.Count; j++)
        {
            LedgerTransaction transaction = block.Transactions[j].Transaction;
            ReceiptRecord receipt = block.Receipts[j];
            if (!signaturesValid[j]) return $"transaction {j} ({transaction.Id}) is not signed by its sender {transaction.Sender}";
            if (transaction.NetworkId != _networkId) return $"transaction {j} is for network '{transaction.NetworkId}'";
            ulong expectedNonce = nonces.TryGetValue(transaction.Sender, out ulong inBlock) ? inBlock : Nonces.GetValueOrDefault(transaction.Sender);
            if (transaction.Nonce != expectedNonce) return $"transaction {j} has nonce {transaction.Nonce} for {transaction.Sender}, expected {expectedNonce}";
            nonces[transaction.Sender] = expectedNonce + 1;
            if (receipt.TransactionId != transaction.Id) return $"receipt {j} belongs to {receipt.TransactionId}, not to transaction {transaction.Id}";
            if (receipt.Status == TransactionStatus.Failed && (receipt.Writes.Count > 0 || receipt.Events.Count > 0)) return $"failed transaction {j} has writes or events";
        }

        if (MerkleTree.Root(block.Transactions.Select(t => t.Transaction.Hash).ToList()) != header.TransactionsRoot) return "the transactions root does not match its transactions";
        if (MerkleTree.Root(block.Receipts.Select(r => r.Hash).ToList()) != header.ReceiptsRoot) return "the receipts root does not match its receipts";
        return null;
    }
}
