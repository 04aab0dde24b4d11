using System.Text;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A read-only view of a persisted embedded ledger, for inspection and audit: it needs neither the
/// producer key nor the chaincodes, and never changes the file.
/// </summary>
public sealed class LedgerArchive
{
    private readonly Lazy<Dictionary<TxId, (int Block, int Index)>> _transactions;

    private LedgerArchive(IReadOnlyList<LedgerBlock> blocks)
    {
        Blocks = blocks;
        LedgerBlock genesis = blocks[0];
        Head = blocks[^1].Header;
        byte[]? network = genesis.GenesisWrites.FirstOrDefault(w => w.Key == InMemoryLedger.NetworkIdStateKey)?.Value;
        NetworkId = network is null ? "" : Encoding.UTF8.GetString(network);

        // Built on the first transaction lookup only: listing, head and verification do not need it.
        _transactions = new Lazy<Dictionary<TxId, (int Block, int Index)>>(() =>
        {
            var index = new Dictionary<TxId, (int Block, int Index)>();
            int b = 0;
            foreach (LedgerBlock block in Blocks)
            {
                for (int i = 0; i < block.Transactions.Count; i++)
                {
                    index[block.Transactions[i].Id] = (b, i);
                }

                b++;
            }

            return index;
        });
    }

    /// <summary>Every committed block, genesis first (read from the file when asked for, for an archive opened from disk).</summary>
    public IReadOnlyList<LedgerBlock> Blocks { get; }

    /// <summary>The network id recorded in the genesis block.</summary>
    public string NetworkId { get; }

    /// <summary>The newest block's header.</summary>
    public EmbeddedBlockHeader Head { get; }

    /// <summary>Reads the block file in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">No block file there.</exception>
    /// <exception cref="LedgerCorruptedException">A record does not decode or a record in the middle is damaged.</exception>
    public static LedgerArchive Open(string dataDirectory)
    {
        var blocks = new StoredBlockList(BlockFile.Existing(dataDirectory));
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
        _transactions.Value.TryGetValue(id, out var at) ? BlockQueries.Transaction(Blocks[at.Block], at.Index) : null;

    /// <summary>An inclusion proof of a transaction or its receipt, or null.</summary>
    public InclusionProof? GetProof(TxId id, ProofKind kind) =>
        _transactions.Value.TryGetValue(id, out var at) ? BlockQueries.Proof(Blocks[at.Block], at.Index, kind) : null;

    /// <summary>Recomputes every hash, root, signature and the state; names the first bad block.</summary>
    public Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => LedgerVerifier.Verify(Blocks, NetworkId, cancellationToken), cancellationToken);
}
