using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A read-only view of a persisted embedded ledger, for inspection and audit: it needs neither the
/// producer key nor the chaincodes, and never changes the file.
/// </summary>
public sealed class LedgerArchive
{
    private readonly Dictionary<TxId, (int Block, int Index)> _transactions = [];

    private LedgerArchive(IReadOnlyList<LedgerBlock> blocks)
    {
        Blocks = blocks;
        for (int b = 0; b < blocks.Count; b++)
        {
            for (int i = 0; i < blocks[b].Transactions.Count; i++)
            {
                _transactions[blocks[b].Transactions[i].Id] = (b, i);
            }
        }

        byte[]? network = blocks.Count == 0 ? null
            : blocks[0].GenesisWrites.FirstOrDefault(w => w.Key == StateKeys.Stored("_ledger", "networkId"))?.Value;
        NetworkId = network is null ? "" : Encoding.UTF8.GetString(network);
    }

    /// <summary>Every committed block, genesis first.</summary>
    public IReadOnlyList<LedgerBlock> Blocks { get; }

    /// <summary>The network id recorded in the genesis block.</summary>
    public string NetworkId { get; }

    /// <summary>The newest block's header.</summary>
    public EmbeddedBlockHeader Head => Blocks[^1].Header;

    /// <summary>Reads the block file in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">No block file there.</exception>
    /// <exception cref="LedgerCorruptedException">A record does not decode or a record in the middle is damaged.</exception>
    public static LedgerArchive Open(string dataDirectory)
    {
        List<LedgerBlock> blocks = BlockFile.ReadAll(dataDirectory).Select(BlockQueries.Decode).ToList();
        return blocks.Count > 0 ? new LedgerArchive(blocks) : throw new LedgerCorruptedException(0, $"the block file in {dataDirectory} has no genesis block");
    }

    /// <summary>A view over blocks obtained elsewhere (exported, or received from another party), to verify them.</summary>
    /// <exception cref="ArgumentException">No blocks.</exception>
    public static LedgerArchive FromBlocks(IEnumerable<LedgerBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        List<LedgerBlock> list = blocks.ToList();
        return list.Count > 0 ? new LedgerArchive(list) : throw new ArgumentException("A ledger has at least its genesis block.", nameof(blocks));
    }

    /// <summary>A committed transaction with its receipt and block header, or null.</summary>
    public TransactionRecord? GetTransaction(TxId id) =>
        _transactions.TryGetValue(id, out var at) ? BlockQueries.Transaction(Blocks[at.Block], at.Index) : null;

    /// <summary>An inclusion proof of a transaction or its receipt, or null.</summary>
    public InclusionProof? GetProof(TxId id, ProofKind kind) =>
        _transactions.TryGetValue(id, out var at) ? BlockQueries.Proof(Blocks[at.Block], at.Index, kind) : null;

    /// <summary>Recomputes every hash, root, signature and the state; names the first bad block.</summary>
    public Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => LedgerVerifier.Verify(Blocks, NetworkId, cancellationToken), cancellationToken);
}
