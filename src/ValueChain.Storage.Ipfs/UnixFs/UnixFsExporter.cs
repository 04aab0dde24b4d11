using System.Runtime.CompilerServices;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>
/// Reads a UnixFS file back from its root, depth first, one verified block at a time; checks every
/// node's sizes against its children so that a consistent-looking but wrong DAG is refused too.
/// </summary>
internal static class UnixFsExporter
{
    /// <summary>The file's bytes in order. <paramref name="get"/> returns a block already verified against its CID, or null when missing.</summary>
    internal static IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(
        Cid root, Func<Cid, CancellationToken, ValueTask<byte[]?>> get, CancellationToken cancellationToken) =>
        ReadNodeAsync(root, null, root, get, cancellationToken);

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadNodeAsync(
        Cid cid, ulong? expectedSize, Cid root, Func<Cid, CancellationToken, ValueTask<byte[]?>> get,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] block = await get(cid, cancellationToken).ConfigureAwait(false)
            ?? throw new ContentNotFoundException(cid.ToContentId(), cid == root ? null : $"the file {root}");
        if (cid.Codec == ContentCodec.Raw)
        {
            if (expectedSize is { } size && size != (ulong)block.Length)
            {
                throw new ContentCorruptedException(cid.ToContentId(), $"its parent announces {size} bytes, the raw block holds {block.Length}");
            }

            yield return block;
            yield break;
        }

        DagPbNode node = DagPbNode.Decode(block, cid);
        if (node.Data is not { } data)
        {
            throw DagPbNode.Malformed(cid, "the dag-pb node has no UnixFS data");
        }

        UnixFsData unixFs = UnixFsData.Decode(data, cid);
        if (unixFs.Type is not (UnixFsData.FileType or UnixFsData.RawType))
        {
            throw new ValueChainFormatException("UnixFS node", cid.ToString(), $"UnixFS type {unixFs.Type} is not a file (directories and symlinks are not read as files)");
        }

        if (unixFs.BlockSizes.Count != node.Links.Count)
        {
            throw new ContentCorruptedException(cid.ToContentId(), $"it has {node.Links.Count} links but {unixFs.BlockSizes.Count} block sizes");
        }

        ulong total = (ulong)unixFs.Data.Length;
        foreach (ulong blockSize in unixFs.BlockSizes)
        {
            total += blockSize;
        }

        if (unixFs.FileSize is { } fileSize && fileSize != total)
        {
            throw new ContentCorruptedException(cid.ToContentId(), $"its filesize {fileSize} is not its data plus block sizes ({total})");
        }

        if (expectedSize is { } expected && expected != total)
        {
            throw new ContentCorruptedException(cid.ToContentId(), $"its parent announces {expected} bytes, the node holds {total}");
        }

        if (unixFs.Data.Length > 0)
        {
            yield return unixFs.Data;
        }

        for (int i = 0; i < node.Links.Count; i++)
        {
            await foreach (ReadOnlyMemory<byte> chunk in ReadNodeAsync(node.Links[i].Hash, unixFs.BlockSizes[i], root, get, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
    }

    /// <summary>The CIDs a block links to (none for a raw block), for pins, garbage collection and CAR export.</summary>
    internal static IReadOnlyList<Cid> Links(Cid cid, ReadOnlyMemory<byte> block) =>
        cid.Codec == ContentCodec.DagPb ? DagPbNode.Decode(block, cid).Links.Select(l => l.Hash).ToList() : [];
}
