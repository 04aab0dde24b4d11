using ValueChain.Content;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Car;

/// <summary>
/// A CAR v1 export of one root with a <see cref="DagScope"/> and an optional byte range, as the
/// trustless gateway serves it: planned first (the root is read, so a missing root or a range outside
/// the file is known before anything is written), then written depth first. Identity blocks are never
/// written (their bytes are in their CID); the blocks come from any <see cref="IContentStore"/>, which
/// verifies them.
/// </summary>
internal sealed class ScopedCarExport
{
    private readonly Func<Cid, CancellationToken, ValueTask<byte[]?>> _get;
    private readonly byte[] _rootBlock;
    private readonly UnixFsData? _rootFile;

    private ScopedCarExport(Cid root, byte[] rootBlock, UnixFsData? rootFile, long? fileSize, Func<Cid, CancellationToken, ValueTask<byte[]?>> get)
    {
        Root = root;
        _rootBlock = rootBlock;
        _rootFile = rootFile;
        FileSize = fileSize;
        _get = get;
    }

    /// <summary>The exported root.</summary>
    internal Cid Root { get; }

    /// <summary>The size of the file at the root (a raw block or a UnixFS file), or null when the root is not a file.</summary>
    internal long? FileSize { get; }

    /// <summary>The verified root block.</summary>
    internal ReadOnlyMemory<byte> RootBlock => _rootBlock;

    /// <summary>Reads the root through <paramref name="store"/>.</summary>
    /// <exception cref="ContentNotFoundException">The root is not in the store.</exception>
    internal static async Task<ScopedCarExport> PlanAsync(IContentStore store, Cid root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ValueTask<byte[]?> Get(Cid cid, CancellationToken ct) => ReadBlockAsync(store, cid, ct);
        byte[] block = await Get(root, cancellationToken).ConfigureAwait(false) ?? throw new ContentNotFoundException(root.ToContentId());
        UnixFsData? file = FileNode(root, block);
        long? size = root.Codec == ContentCodec.Raw ? block.Length : file is null ? null : (long)Total(file);
        return new ScopedCarExport(root, block, file, size, Get);
    }

    /// <summary>A block through <paramref name="store"/>; an identity CID's bytes are its digest.</summary>
    internal static async ValueTask<byte[]?> ReadBlockAsync(IContentStore store, Cid cid, CancellationToken cancellationToken) =>
        cid.Hash == MultihashCode.Identity ? cid.Digest.ToArray() : await store.GetBlockAsync(cid.ToContentId(), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Whether <paramref name="range"/> selects any byte of the file at the root. A root that is not a
    /// file ignores the range, so any range is satisfiable there.
    /// </summary>
    internal bool Satisfies(EntityBytes range) => FileSize is not { } size || range.Resolve(size) is not null;

    /// <summary>
    /// Writes the archive. A block missing or altered past the root raises <see cref="ContentNotFoundException"/>
    /// or <see cref="ContentCorruptedException"/> with the archive written so far left incomplete.
    /// </summary>
    /// <param name="destination">Where the archive goes.</param>
    /// <param name="scope">Which blocks to write; <paramref name="range"/>, when given, implies <see cref="DagScope.Entity"/>.</param>
    /// <param name="range">The byte range of the file to cover, or null.</param>
    /// <param name="duplicates">Whether a block is written each time the walk meets it (<c>dups=y</c>) or once.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    internal async Task WriteAsync(Stream destination, DagScope scope, EntityBytes? range, bool duplicates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await CarWriter.WriteHeaderAsync(destination, [Root], cancellationToken).ConfigureAwait(false);
        var seen = duplicates ? null : new HashSet<Cid>();
        if (range is { } bytes && FileSize is { } size)
        {
            if (bytes.Resolve(size) is { } resolved)
            {
                await WriteRangeAsync(destination, Root, _rootBlock, _rootFile, resolved.From, resolved.To, seen, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteBlockAsync(destination, Root, _rootBlock, seen, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (range is not null || scope == DagScope.Block || (scope == DagScope.Entity && FileSize is null))
        {
            await WriteBlockAsync(destination, Root, _rootBlock, seen, cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteAllAsync(destination, seen, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAllAsync(Stream destination, HashSet<Cid>? seen, CancellationToken cancellationToken)
    {
        var pending = new Stack<(Cid Cid, byte[]? Block)>();
        pending.Push((Root, _rootBlock));
        while (pending.Count > 0)
        {
            (Cid cid, byte[]? known) = pending.Pop();
            if (seen is not null && seen.Contains(cid))
            {
                continue;
            }

            byte[] block = known ?? await GetAsync(cid, cancellationToken).ConfigureAwait(false);
            await WriteBlockAsync(destination, cid, block, seen, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Cid> links = UnixFsExporter.Links(cid, block);
            for (int i = links.Count - 1; i >= 0; i--)
            {
                pending.Push((links[i], null));
            }
        }
    }

    /// <summary>Writes <paramref name="cid"/> and, below it, only the children that hold bytes of [from, to] (offsets within this node).</summary>
    private async Task WriteRangeAsync(Stream destination, Cid cid, byte[] block, UnixFsData? file, long from, long to, HashSet<Cid>? seen, CancellationToken cancellationToken)
    {
        await WriteBlockAsync(destination, cid, block, seen, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return;
        }

        IReadOnlyList<DagPbLink> links = DagPbNode.Decode(block, cid).Links;
        long start = file.Data.Length;
        for (int i = 0; i < links.Count && start <= to; i++)
        {
            long end = start + (long)file.BlockSizes[i] - 1;
            if (end >= from)
            {
                Cid child = links[i].Hash;
                byte[] childBlock = await GetAsync(child, cancellationToken).ConfigureAwait(false);
                await WriteRangeAsync(destination, child, childBlock, FileNode(child, childBlock), Math.Max(from - start, 0), Math.Min(to, end) - start, seen, cancellationToken).ConfigureAwait(false);
            }

            start = end + 1;
        }
    }

    private async Task<byte[]> GetAsync(Cid cid, CancellationToken cancellationToken) =>
        await _get(cid, cancellationToken).ConfigureAwait(false) ?? throw new ContentNotFoundException(cid.ToContentId(), $"the DAG {Root}");

    private static async Task WriteBlockAsync(Stream destination, Cid cid, byte[] block, HashSet<Cid>? seen, CancellationToken cancellationToken)
    {
        // Identity blocks are never sent: their bytes are in the CID that names them.
        if (cid.Hash == MultihashCode.Identity || (seen is not null && !seen.Add(cid)))
        {
            return;
        }

        await CarWriter.WriteBlockAsync(destination, cid, block, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The UnixFS file data of a dag-pb file node, or null for any other block.</summary>
    private static UnixFsData? FileNode(Cid cid, byte[] block)
    {
        if (cid.Codec != ContentCodec.DagPb)
        {
            return null;
        }

        DagPbNode node = DagPbNode.Decode(block, cid);
        if (node.Data is not { } data)
        {
            return null;
        }

        UnixFsData unixFs = UnixFsData.Decode(data.Span, cid);
        bool isFile = unixFs.Type is UnixFsData.FileType or UnixFsData.RawType;
        return isFile && unixFs.BlockSizes.Count == node.Links.Count ? unixFs : null;
    }

    private static ulong Total(UnixFsData file)
    {
        ulong total = (ulong)file.Data.Length;
        foreach (ulong size in file.BlockSizes)
        {
            total += size;
        }

        return total;
    }
}
