namespace ValueChain.Content;

/// <summary>
/// An off-chain, content-addressed store: the "store off-chain, pin the hash on-chain" half of the
/// applications. Content ids are IPFS CIDs, so the same bytes get the same id here and in every IPFS
/// tool. Every read verifies the bytes against their id: a missing block raises
/// <see cref="ContentNotFoundException"/>, a block that does not match its id raises
/// <see cref="ContentCorruptedException"/>; wrong bytes are never returned.
/// </summary>
public interface IContentStore
{
    /// <summary>
    /// Imports a file as a UnixFS DAG with the store's import profile, pins its root (as
    /// <c>ipfs add</c> does) and returns the root's id. Reads <paramref name="content"/> to its end
    /// in chunks, never holding the whole file in memory.
    /// </summary>
    Task<ContentId> AddFileAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the file whose UnixFS root is <paramref name="id"/> for reading. Each block is verified as
    /// it is read; the stream raises <see cref="ContentNotFoundException"/> or
    /// <see cref="ContentCorruptedException"/> naming the block that is missing or altered.
    /// </summary>
    /// <exception cref="ContentNotFoundException">The root block is not in the store.</exception>
    Task<Stream> OpenFileAsync(ContentId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one document's canonical bytes as a single raw block (CIDv1, raw codec, sha2-256), pins
    /// it and returns its id: the sha2-256 multihash of <paramref name="canonicalBytes"/> in every tool.
    /// </summary>
    Task<ContentId> PutRecordAsync(ReadOnlyMemory<byte> canonicalBytes, CancellationToken cancellationToken = default);

    /// <summary>Returns the verified bytes of the record (or any single block) <paramref name="id"/>, or null when the store does not have it.</summary>
    Task<byte[]?> GetRecordAsync(ContentId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one block under <paramref name="id"/> after checking that its bytes match the id
    /// (<see cref="ContentCorruptedException"/> otherwise). Does not pin it.
    /// </summary>
    Task PutBlockAsync(ContentId id, ReadOnlyMemory<byte> block, CancellationToken cancellationToken = default);

    /// <summary>Returns the verified bytes of the block <paramref name="id"/>, or null when the store does not have it.</summary>
    Task<byte[]?> GetBlockAsync(ContentId id, CancellationToken cancellationToken = default);

    /// <summary>Whether the block <paramref name="id"/> is in the store (without reading it).</summary>
    Task<bool> HasBlockAsync(ContentId id, CancellationToken cancellationToken = default);

    /// <summary>The ids of every stored block.</summary>
    IAsyncEnumerable<ContentId> ListBlocksAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Pins <paramref name="id"/> recursively: it and every block it links to, which must all be in
    /// the store, are kept by garbage collection until unpinned.
    /// </summary>
    /// <exception cref="ContentNotFoundException">A block of the DAG is missing.</exception>
    Task PinAsync(ContentId id, CancellationToken cancellationToken = default);

    /// <summary>Removes the pin on <paramref name="id"/>; returns false when it was not pinned. Blocks stay until garbage collection.</summary>
    Task<bool> UnpinAsync(ContentId id, CancellationToken cancellationToken = default);

    /// <summary>The pinned roots.</summary>
    Task<IReadOnlyCollection<ContentId>> ListPinsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every block that no pin reaches; a pinned block is never removed.</summary>
    Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default);

    /// <summary>How many blocks and bytes the store holds, and how many pins.</summary>
    Task<ContentStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a CAR v1 archive of the DAGs under <paramref name="roots"/> (each block once) to
    /// <paramref name="destination"/>.
    /// </summary>
    /// <exception cref="ContentNotFoundException">A block of one of the DAGs is missing.</exception>
    Task ExportCarAsync(IReadOnlyList<ContentId> roots, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports a CAR v1 archive, verifying every block against its id, pins its roots and returns them.
    /// An archive with one block that does not verify is refused whole: nothing it holds is kept.
    /// </summary>
    /// <exception cref="ContentCorruptedException">A block does not match its id.</exception>
    /// <exception cref="ValueChainFormatException">The archive is malformed.</exception>
    Task<IReadOnlyList<ContentId>> ImportCarAsync(Stream source, CancellationToken cancellationToken = default);
}
