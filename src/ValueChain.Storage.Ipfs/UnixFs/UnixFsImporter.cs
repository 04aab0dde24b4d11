using System.Buffers;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>
/// Imports a file as a UnixFS DAG: fixed-size chunks, a balanced tree built as the JavaScript reference
/// importer builds it (leaves grouped by <see cref="UnixFsProfile.MaxLinks"/>, then their parents, until
/// one root; a one-chunk file's root is its leaf). Holds one chunk and, per tree level, at most
/// MaxLinks pending links: memory stays bounded whatever the file's size.
/// </summary>
internal static class UnixFsImporter
{
    /// <summary>Writes every block of <paramref name="content"/>'s DAG to <paramref name="put"/> and returns the root.</summary>
    internal static async Task<Cid> ImportAsync(
        Stream content,
        UnixFsProfile profile,
        Func<Cid, byte[], CancellationToken, ValueTask> put,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(profile));
        }

        var levels = new List<List<Child>> { new() };
        var totals = new List<long> { 0 };
        byte[] buffer = ArrayPool<byte>.Shared.Rent(profile.ChunkSize);
        try
        {
            while (true)
            {
                int length = await FillAsync(content, buffer.AsMemory(0, profile.ChunkSize), cancellationToken).ConfigureAwait(false);
                if (length == 0 && totals[0] > 0)
                {
                    break;
                }

                Child leaf = await WriteLeafAsync(buffer.AsMemory(0, length), profile, put, cancellationToken).ConfigureAwait(false);
                await AddAsync(levels, totals, 0, leaf, profile, put, cancellationToken).ConfigureAwait(false);
                if (length < profile.ChunkSize)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        for (int level = 0; ; level++)
        {
            bool top = level == levels.Count - 1;
            if (top && totals[level] == 1)
            {
                return levels[level][0].Cid;
            }

            if (levels[level].Count > 0)
            {
                await FlushAsync(levels, totals, level, profile, put, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task AddAsync(
        List<List<Child>> levels, List<long> totals, int level, Child child, UnixFsProfile profile,
        Func<Cid, byte[], CancellationToken, ValueTask> put, CancellationToken cancellationToken)
    {
        levels[level].Add(child);
        totals[level]++;
        if (levels[level].Count == profile.MaxLinks)
        {
            await FlushAsync(levels, totals, level, profile, put, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Turns the pending children of <paramref name="level"/> into one parent node on the level above.</summary>
    private static async Task FlushAsync(
        List<List<Child>> levels, List<long> totals, int level, UnixFsProfile profile,
        Func<Cid, byte[], CancellationToken, ValueTask> put, CancellationToken cancellationToken)
    {
        List<Child> children = levels[level];
        var links = new DagPbLink[children.Count];
        var blockSizes = new ulong[children.Count];
        ulong fileSize = 0;
        ulong linkedSize = 0;
        for (int i = 0; i < children.Count; i++)
        {
            links[i] = new DagPbLink(children[i].Cid, string.Empty, children[i].TotalSize);
            blockSizes[i] = children[i].FileSize;
            fileSize += children[i].FileSize;
            linkedSize += children[i].TotalSize;
        }

        children.Clear();
        byte[] block = new DagPbNode(links, UnixFsData.EncodeFile([], fileSize, blockSizes)).Encode();
        Cid cid = Cid.Compute(ContentCodec.DagPb, block, profile.CidVersion);
        await put(cid, block, cancellationToken).ConfigureAwait(false);
        if (levels.Count == level + 1)
        {
            levels.Add([]);
            totals.Add(0);
        }

        await AddAsync(levels, totals, level + 1, new Child(cid, (ulong)block.Length + linkedSize, fileSize), profile, put, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Child> WriteLeafAsync(
        ReadOnlyMemory<byte> chunk, UnixFsProfile profile, Func<Cid, byte[], CancellationToken, ValueTask> put, CancellationToken cancellationToken)
    {
        byte[] block = profile.RawLeaves
            ? chunk.ToArray()
            : new DagPbNode([], UnixFsData.EncodeFile(chunk.Span, (ulong)chunk.Length, [])).Encode();
        Cid cid = Cid.Compute(profile.RawLeaves ? ContentCodec.Raw : ContentCodec.DagPb, block, profile.CidVersion);
        await put(cid, block, cancellationToken).ConfigureAwait(false);
        return new Child(cid, (ulong)block.Length, (ulong)chunk.Length);
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends: chunk boundaries never depend on how the stream delivers bytes.</summary>
    private static async Task<int> FillAsync(Stream content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = await content.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>A built node waiting for its parent: CID, cumulative DAG size (the link's Tsize) and file bytes under it.</summary>
    private readonly record struct Child(Cid Cid, ulong TotalSize, ulong FileSize);
}
