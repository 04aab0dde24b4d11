namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Proof that a transaction or receipt hash is part of a block, verifiable offline with only the
/// block's header (RFC 9162 audit path over Keccak-256).
/// </summary>
/// <param name="Kind">Transaction or receipt tree.</param>
/// <param name="BlockNumber">The block that holds the item.</param>
/// <param name="Index">The item's position in the block.</param>
/// <param name="ItemHash">The transaction hash or receipt hash proved.</param>
/// <param name="Path">The sibling hashes from the leaf up to the root.</param>
public sealed record InclusionProof(ProofKind Kind, long BlockNumber, int Index, Hash32 ItemHash, IReadOnlyList<Hash32> Path)
{
    /// <summary>
    /// True when <see cref="ItemHash"/> is at <see cref="Index"/> in the tree whose root
    /// <paramref name="header"/> holds. Check the header's signature separately
    /// (<see cref="EmbeddedBlockHeader.HasValidSignature"/>) to trust the header itself.
    /// </summary>
    public bool Verify(EmbeddedBlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Hash32 root = Kind == ProofKind.Transaction ? header.TransactionsRoot : header.ReceiptsRoot;
        return header.Number == BlockNumber
            && MerkleTree.Verify(ItemHash, Index, header.TransactionCount, Path, root);
    }
}
