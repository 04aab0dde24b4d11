using System.Runtime.CompilerServices;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Car;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Store;

/// <summary>
/// The embedded content store: blocks on disk under a directory (or in memory), IPFS-identical CIDs,
/// recursive pins and garbage collection. Every block is verified against its CID when read. Writes
/// (imports, pins, garbage collection) run one at a time, so garbage collection never sees a
/// half-imported DAG; reads run concurrently.
/// </summary>
public sealed class EmbeddedContentStore : IContentStore, IDisposable
{
    private const string Kind = "embedded";

    private readonly IBlockStorage _storage;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private EmbeddedContentStore(IBlockStorage storage, UnixFsProfile profile)
    {
        if (profile.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(profile));
        }

        _storage = storage;
        Profile = profile;
    }

    /// <summary>The profile <see cref="AddFileAsync(Stream, CancellationToken)"/> imports with.</summary>
    public UnixFsProfile Profile { get; }

    /// <summary>The directory the blocks live under, or null for an in-memory store.</summary>
    public string? Directory { get; private init; }

    /// <summary>Creates a store that keeps everything in memory (for tests and short-lived processes).</summary>
    /// <param name="profile">The import profile; <see cref="UnixFsProfile.UnixFsV1Of2025"/> when null.</param>
    public static EmbeddedContentStore InMemory(UnixFsProfile? profile = null) =>
        new(new MemoryBlockStorage(), profile ?? UnixFsProfile.UnixFsV1Of2025);

    /// <summary>Opens (creating it if needed) a store whose blocks live under <paramref name="directory"/>.</summary>
    /// <param name="directory">The store's directory.</param>
    /// <param name="profile">The import profile; <see cref="UnixFsProfile.UnixFsV1Of2025"/> when null.</param>
    public static EmbeddedContentStore Open(string directory, UnixFsProfile? profile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new(new FileBlockStorage(directory), profile ?? UnixFsProfile.UnixFsV1Of2025) { Directory = Path.GetFullPath(directory) };
    }

    /// <inheritdoc />
    public Task<ContentId> AddFileAsync(Stream content, CancellationToken cancellationToken = default) =>
        AddFileAsync(content, Profile, pin: true, cancellationToken);

    /// <summary>Imports a file with <paramref name="profile"/>, pins its root when <paramref name="pin"/> is set, and returns the root.</summary>
    public Task<ContentId> AddFileAsync(Stream content, UnixFsProfile profile, bool pin = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var counted = new CountingStream(content);
        return ContentStoreInstruments.WriteAsync(Kind, "add_file", null, async activity =>
        {
            ContentId id = await AddFileUninstrumentedAsync(counted, profile, pin, cancellationToken).ConfigureAwait(false);
            ContentStoreInstruments.Stored(Kind, activity, id, counted.BytesRead);
            return id;
        });
    }

    // The store's own work, which the public method wraps in its span.
    private async Task<ContentId> AddFileUninstrumentedAsync(Stream content, UnixFsProfile profile, bool pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(profile);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Cid root = await UnixFsImporter.ImportAsync(content, profile, StoreAsync, cancellationToken).ConfigureAwait(false);
            if (pin)
            {
                await AddPinAsync(root, complete: true, cancellationToken).ConfigureAwait(false);
            }

            return root.ToContentId();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenFileAsync(ContentId id, CancellationToken cancellationToken = default) =>
        ContentStoreInstruments.ReadAsync(Kind, "open_file", id, _ => OpenFileUninstrumentedAsync(id, cancellationToken));

    // The store's own work, which the public method wraps in its span.
    private async Task<Stream> OpenFileUninstrumentedAsync(ContentId id, CancellationToken cancellationToken)
    {
        Cid root = Cid.Parse(id);
        if (!await HasAsync(root, cancellationToken).ConfigureAwait(false))
        {
            throw new ContentNotFoundException(id);
        }

        return new ContentReadStream(UnixFsExporter.ReadAsync(root, GetVerifiedAsync, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ContentId> PutRecordAsync(ReadOnlyMemory<byte> canonicalBytes, CancellationToken cancellationToken = default) =>
        ContentStoreInstruments.WriteAsync(Kind, "put_record", null, async activity =>
        {
            ContentId id = await PutRecordUninstrumentedAsync(canonicalBytes, cancellationToken).ConfigureAwait(false);
            ContentStoreInstruments.Stored(Kind, activity, id, canonicalBytes.Length);
            return id;
        });

    // The store's own work, which the public method wraps in its span.
    private async Task<ContentId> PutRecordUninstrumentedAsync(ReadOnlyMemory<byte> canonicalBytes, CancellationToken cancellationToken)
    {
        Cid cid = Cid.Compute(ContentCodec.Raw, canonicalBytes.Span);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _storage.PutAsync(KeyOf(cid), canonicalBytes, cancellationToken).ConfigureAwait(false);
            await AddPinAsync(cid, complete: true, cancellationToken).ConfigureAwait(false);
            return cid.ToContentId();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<byte[]?> GetRecordAsync(ContentId id, CancellationToken cancellationToken = default) => GetBlockAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task PutBlockAsync(ContentId id, ReadOnlyMemory<byte> block, CancellationToken cancellationToken = default) =>
        ContentStoreInstruments.WriteAsync(Kind, "put_block", id, async activity =>
        {
            await PutBlockUninstrumentedAsync(id, block, cancellationToken).ConfigureAwait(false);
            ContentStoreInstruments.Stored(Kind, activity, id, block.Length);
            return true;
        });

    // The store's own work, which the public method wraps in its span.
    private async Task PutBlockUninstrumentedAsync(ContentId id, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        Cid cid = Cid.Parse(id);
        if (!cid.Matches(block.Span))
        {
            throw new ContentCorruptedException(id, $"the {block.Length} bytes given do not hash to it");
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StoreAsync(cid, block, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<byte[]?> GetBlockAsync(ContentId id, CancellationToken cancellationToken = default) =>
        ContentStoreInstruments.ReadAsync(Kind, "get_block", id, async activity =>
            ContentStoreInstruments.ReadBack(Kind, activity, await GetBlockUninstrumentedAsync(id, cancellationToken).ConfigureAwait(false)));

    // The store's own work, which the public method wraps in its span.
    private async Task<byte[]?> GetBlockUninstrumentedAsync(ContentId id, CancellationToken cancellationToken) =>
        await GetVerifiedAsync(Cid.Parse(id), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<bool> HasBlockAsync(ContentId id, CancellationToken cancellationToken = default) =>
        await HasAsync(Cid.Parse(id), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<ContentId> ListBlocksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach ((string key, _) in _storage.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ContentId(key);
        }
    }

    /// <inheritdoc />
    public async Task PinAsync(ContentId id, CancellationToken cancellationToken = default)
    {
        Cid cid = Cid.Parse(id);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AddPinAsync(cid, complete: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> UnpinAsync(ContentId id, CancellationToken cancellationToken = default)
    {
        string key = KeyOf(Cid.Parse(id));
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pins = new HashSet<string>(await _storage.ReadPinsAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            if (!pins.Remove(key))
            {
                return false;
            }

            await _storage.WritePinsAsync(pins, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<ContentId>> ListPinsAsync(CancellationToken cancellationToken = default) =>
        (await _storage.ReadPinsAsync(cancellationToken).ConfigureAwait(false)).Select(p => new ContentId(p)).ToList();

    /// <inheritdoc />
    public async Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var live = new HashSet<string>(StringComparer.Ordinal);
            foreach (string pin in await _storage.ReadPinsAsync(cancellationToken).ConfigureAwait(false))
            {
                await WalkAsync(Cid.Parse(pin), live, null, cancellationToken).ConfigureAwait(false);
            }

            var dead = new List<string>();
            await foreach ((string key, _) in _storage.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!live.Contains(key))
                {
                    dead.Add(key);
                }
            }

            long removed = 0;
            long freed = 0;
            foreach (string key in dead)
            {
                long size = await _storage.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                if (size >= 0)
                {
                    removed++;
                    freed += size;
                }
            }

            return new GarbageCollectionResult(removed, freed);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ContentStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        long count = 0;
        long bytes = 0;
        await foreach ((_, long size) in _storage.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            bytes += size;
        }

        return new ContentStoreStatistics(count, bytes, (await _storage.ReadPinsAsync(cancellationToken).ConfigureAwait(false)).Count);
    }

    /// <inheritdoc />
    public async Task ExportCarAsync(IReadOnlyList<ContentId> roots, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(destination);
        List<Cid> cids = roots.Select(Cid.Parse).ToList();
        await CarWriter.WriteHeaderAsync(destination, cids, cancellationToken).ConfigureAwait(false);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (Cid root in cids)
        {
            await WalkAsync(root, written, (cid, block) => CarWriter.WriteBlockAsync(destination, cid, block, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ContentId>> ImportCarAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var counted = new CountingStream(source);
        return ContentStoreInstruments.WriteAsync(Kind, "import_car", null, async activity =>
        {
            IReadOnlyList<ContentId> roots = await ImportCarUninstrumentedAsync(counted, cancellationToken).ConfigureAwait(false);
            ContentStoreInstruments.Stored(Kind, activity, roots.Count > 0 ? roots[0] : null, counted.BytesRead);
            return roots;
        });
    }

    // The store's own work, which the public method wraps in its span.
    private async Task<IReadOnlyList<ContentId>> ImportCarUninstrumentedAsync(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var added = new List<string>();
        try
        {
            CarReader reader = await CarReader.OpenAsync(source, cancellationToken).ConfigureAwait(false);
            await foreach ((Cid cid, byte[] block) in reader.ReadBlocksAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!cid.Matches(block))
                {
                    throw new ContentCorruptedException(cid.ToContentId(), "the archive's bytes for it do not hash to it; the archive is refused whole");
                }

                if (cid.Hash != MultihashCode.Identity && await _storage.PutAsync(KeyOf(cid), block, cancellationToken).ConfigureAwait(false))
                {
                    added.Add(KeyOf(cid));
                }
            }

            foreach (Cid root in reader.Roots)
            {
                await AddPinAsync(root, complete: false, cancellationToken).ConfigureAwait(false);
            }

            added.Clear();
            return reader.Roots.Select(r => r.ToContentId()).ToList();
        }
        finally
        {
            // A refused archive leaves nothing behind: every block it added goes again.
            foreach (string key in added)
            {
                await _storage.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            }

            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();

    /// <summary>The storage key of a block: its CIDv1 text, so that v0 and v1 names of one block share it.</summary>
    internal static string KeyOf(Cid cid) => cid.ToV1().ToString();

    internal IBlockStorage Storage => _storage;

    private async ValueTask StoreAsync(Cid cid, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        if (cid.Hash != MultihashCode.Identity)
        {
            await _storage.PutAsync(KeyOf(cid), block, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask StoreAsync(Cid cid, byte[] block, CancellationToken cancellationToken) =>
        await StoreAsync(cid, block.AsMemory(), cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> HasAsync(Cid cid, CancellationToken cancellationToken) =>
        cid.Hash == MultihashCode.Identity || await _storage.HasAsync(KeyOf(cid), cancellationToken).ConfigureAwait(false);

    /// <summary>A block checked against its CID; null when missing; a mismatch is <see cref="ContentCorruptedException"/>.</summary>
    private async ValueTask<byte[]?> GetVerifiedAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (cid.Hash == MultihashCode.Identity)
        {
            return cid.Digest.ToArray();
        }

        byte[]? block = await _storage.GetAsync(KeyOf(cid), cancellationToken).ConfigureAwait(false);
        return block is null || cid.Matches(block)
            ? block
            : throw new ContentCorruptedException(cid.ToContentId(), "its stored bytes do not hash to it");
    }

    /// <summary>
    /// Pins <paramref name="root"/>. Unless the caller has just written the whole DAG itself
    /// (<paramref name="complete"/>), every block is first read and verified, so that a pin never
    /// covers a DAG the store cannot serve.
    /// </summary>
    private async Task AddPinAsync(Cid root, bool complete, CancellationToken cancellationToken)
    {
        if (!complete)
        {
            await WalkAsync(root, new HashSet<string>(StringComparer.Ordinal), null, cancellationToken).ConfigureAwait(false);
        }

        var pins = new HashSet<string>(await _storage.ReadPinsAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        if (pins.Add(KeyOf(root)))
        {
            await _storage.WritePinsAsync(pins, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Visits every block of the DAG under <paramref name="root"/> once, depth first, verified; a missing block is <see cref="ContentNotFoundException"/>.</summary>
    private async Task WalkAsync(Cid root, HashSet<string> seen, Func<Cid, byte[], Task>? visit, CancellationToken cancellationToken)
    {
        var pending = new Stack<Cid>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            Cid cid = pending.Pop();
            if (!seen.Add(KeyOf(cid)))
            {
                continue;
            }

            byte[] block = await GetVerifiedAsync(cid, cancellationToken).ConfigureAwait(false)
                ?? throw new ContentNotFoundException(cid.ToContentId(), cid == root ? null : $"the DAG {root}");
            if (visit is not null)
            {
                await visit(cid, block).ConfigureAwait(false);
            }

            IReadOnlyList<Cid> links = UnixFsExporter.Links(cid, block);
            for (int i = links.Count - 1; i >= 0; i--)
            {
                pending.Push(links[i]);
            }
        }
    }
}
