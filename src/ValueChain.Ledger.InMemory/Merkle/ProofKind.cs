namespace ValueChain.Ledger.InMemory;

/// <summary>Which of a block's Merkle trees an <see cref="InclusionProof"/> belongs to.</summary>
public enum ProofKind
{
    /// <summary>The tree of transaction hashes (<see cref="EmbeddedBlockHeader.TransactionsRoot"/>).</summary>
    Transaction = 1,

    /// <summary>The tree of receipt hashes (<see cref="EmbeddedBlockHeader.ReceiptsRoot"/>).</summary>
    Receipt = 2,
}
