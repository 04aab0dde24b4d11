using System.Globalization;
using System.Runtime.CompilerServices;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Car;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Kubo;

/// <summary>
/// An <see cref="IContentStore"/> on a Kubo node, through its RPC API (<c>/api/v0</c>). Nothing the
/// node returns is trusted: every block is checked against its CID here, so a node that answers with
/// other bytes raises <see cref="ContentCorruptedException"/> naming the block. Files are read block by
/// block (<c>block/get</c>) for that reason, not with <c>cat</c>, whose bytes cannot be checked without
/// the DAG. Reads are local to the node (<c>offline=true</c>): a block it lacks is missing, not fetched
/// from the network. Kubo's refusals raise <see cref="KuboException"/> with Kubo's message.
/// </summary>
public sealed class KuboContentStore : IContentStore, IDisposable
{
    private const string Kind = "kubo";

    private static readonly KeyValuePair<string, string> Offline = new("offline", "true");
    private readonly KuboRpc _rpc;
    private readonly HttpClient? _owned;

    /// <summary>Uses <paramref name="http"/>, whose base address is the node's RPC root (for example <c>http://127.0.0.1:5001/</c>).</summary>
    /// <param name="http">The client to send with; not disposed by this store.</param>
    /// <param name="profile">The import profile; <see cref="UnixFsProfile.UnixFsV1Of2025"/> when null.</param>
    public KuboContentStore(HttpClient http, UnixFsProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs the Kubo RPC root as its BaseAddress (for example http://127.0.0.1:5001/).", nameof(http));
        }

        profile ??= UnixFsProfile.UnixFsV1Of2025;
        if (profile.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(profile));
        }

        _rpc = new KuboRpc(http);
        Profile = profile;
    }

    private KuboContentStore(HttpClient owned, UnixFsProfile? profile, bool owns)
        : this(owned, profile) => _owned = owns ? owned : null;

    /// <summary>The profile <see cref="AddFileAsync(Stream, CancellationToken)"/> asks the node to import with.</summary>
    public UnixFsProfile Profile { get; }

    /// <summary>The node's RPC root.</summary>
    public Uri Api => _rpc.BaseAddress!;

    /// <summary>Connects to the node whose RPC root is <paramref name="api"/> (for example <c>http://127.0.0.1:5001</c>).</summary>
    /// <param name="api">The RPC root.</param>
    /// <param name="profile">The import profile; <see cref="UnixFsProfile.UnixFsV1Of2025"/> when null.</param>
    public static KuboContentStore Connect(Uri api, UnixFsProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var root = new Uri(api.AbsoluteUri.EndsWith('/') ? api.AbsoluteUri : api.AbsoluteUri + "/");
        return new KuboContentStore(new HttpClient { BaseAddress = root, Timeout = Timeout.InfiniteTimeSpan }, profile, owns: true);
    }

    /// <inheritdoc />
    public Task<ContentId> AddFileAsync(Stream content, CancellationToken cancellationToken = default) =>
        AddFileAsync(content, Profile, pin: true, cancellationToken);

    /// <summary>
    /// Has the node import a file with <paramref name="profile"/>'s options (<c>cid-version</c>,
    /// <c>raw-leaves</c>, <c>chunker=size-N</c>, <c>max-file-links</c>, balanced layout) and returns the
    /// root it reports, refusing one that is not of the profile's CID version (a node that ignored them).
    /// </summary>
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
        using MultipartFormDataContent body = KuboRpc.Multipart(new StreamContent(content), "file");
        string? hash = null;
        await foreach (KuboAdded line in _rpc.LinesAsync("add", AddArguments(profile, pin), body, KuboJsonContext.Default.KuboAdded, cancellationToken).ConfigureAwait(false))
        {
            hash = line.Hash ?? hash;
        }

        Cid root = Cid.Parse(hash ?? throw new KuboException(ErrorCodes.NodeError, "add", "the answer names no root"));
        if (root.Version != profile.CidVersion)
        {
            throw new KuboException(ErrorCodes.NodeError, "add", $"the node answered {root}, not a CIDv{profile.CidVersion}: it did not import with the options sent");
        }

        return root.ToContentId();
    }

    /// <summary>The <c>add</c> arguments that make Kubo import exactly as <paramref name="profile"/> does.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> AddArguments(UnixFsProfile profile, bool pin) =>
    [
        new("cid-version", profile.CidVersion.ToString(CultureInfo.InvariantCulture)),
        new("raw-leaves", profile.RawLeaves ? "true" : "false"),
        new("chunker", $"size-{profile.ChunkSize.ToString(CultureInfo.InvariantCulture)}"),
        new("max-file-links", profile.MaxLinks.ToString(CultureInfo.InvariantCulture)),
        new("trickle", "false"),
        new("hash", "sha2-256"),
        new("inline", "false"),
        new("wrap-with-directory", "false"),
        new("pin", pin ? "true" : "false"),
        new("quieter", "true"),
        new("progress", "false"),
    ];

    /// <inheritdoc />
    public Task<Stream> OpenFileAsync(ContentId id, CancellationToken cancellationToken = default) =>
        ContentStoreInstruments.ReadAsync(Kind, "open_file", id, _ => OpenFileUninstrumentedAsync(id, cancellationToken));

    // The store's own work, which the public method wraps in its span.
    private async Task<Stream> OpenFileUninstrumentedAsync(ContentId id, CancellationToken cancellationToken)
    {
        Cid root = Cid.Parse(id);
        byte[] first = await GetVerifiedAsync(root, cancellationToken).ConfigureAwait(false) ?? throw new ContentNotFoundException(id);
        ValueTask<byte[]?> Get(Cid cid, CancellationToken ct) => cid == root ? ValueTask.FromResult<byte[]?>(first) : GetVerifiedAsync(cid, ct);
        return new ContentReadStream(UnixFsExporter.ReadAsync(root, Get, cancellationToken), cancellationToken);
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
        await PutAsync(cid, canonicalBytes, pin: true, cancellationToken).ConfigureAwait(false);
        return cid.ToContentId();
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

        await PutAsync(cid, block, pin: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<byte[]?> GetBlockAsync(ContentId id, CancellationToken cancellationToken = default) =>
        ContentStoreInstruments.ReadAsync(Kind, "get_block", id, async activity =>
            ContentStoreInstruments.ReadBack(Kind, activity, await GetBlockUninstrumentedAsync(id, cancellationToken).ConfigureAwait(false)));

    // The store's own work, which the public method wraps in its span.
    private async Task<byte[]?> GetBlockUninstrumentedAsync(ContentId id, CancellationToken cancellationToken) =>
        await GetVerifiedAsync(Cid.Parse(id), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<bool> HasBlockAsync(ContentId id, CancellationToken cancellationToken = default)
    {
        Cid cid = Cid.Parse(id);
        if (cid.Hash == MultihashCode.Identity)
        {
            return true;
        }

        try
        {
            await _rpc.JsonAsync("block/stat", [Arg(cid), Offline], null, KuboJsonContext.Default.KuboBlockStat, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KuboException e) when (KuboRpc.IsNotFound(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ContentId> ListBlocksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (KuboRef line in _rpc.LinesAsync("refs/local", [], null, KuboJsonContext.Default.KuboRef, cancellationToken).ConfigureAwait(false))
        {
            if (line.Err is { Length: > 0 } error)
            {
                throw new KuboException(ErrorCodes.NodeError, "refs/local", error);
            }

            if (line.Ref is { Length: > 0 } cid)
            {
                yield return new ContentId(cid);
            }
        }
    }

    /// <inheritdoc />
    public async Task PinAsync(ContentId id, CancellationToken cancellationToken = default)
    {
        Cid cid = Cid.Parse(id);
        try
        {
            await _rpc.JsonAsync("pin/add", [Arg(cid), new("recursive", "true"), Offline], null, KuboJsonContext.Default.KuboPins, cancellationToken).ConfigureAwait(false);
        }
        catch (KuboException e) when (KuboRpc.IsNotFound(e))
        {
            throw new ContentNotFoundException(id, $"a recursive pin on the Kubo node ({e.KuboMessage})");
        }
    }

    /// <inheritdoc />
    public async Task<bool> UnpinAsync(ContentId id, CancellationToken cancellationToken = default)
    {
        Cid cid = Cid.Parse(id);
        try
        {
            await _rpc.JsonAsync("pin/rm", [Arg(cid), new("recursive", "true")], null, KuboJsonContext.Default.KuboPins, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KuboException e) when (e.Code == ErrorCodes.NodeError && e.KuboMessage.Contains("not pinned", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<ContentId>> ListPinsAsync(CancellationToken cancellationToken = default)
    {
        KuboPinList pins = await _rpc.JsonAsync("pin/ls", [new("type", "recursive")], null, KuboJsonContext.Default.KuboPinList, cancellationToken).ConfigureAwait(false);
        return (pins.Keys ?? new Dictionary<string, KuboPinType>()).Keys.Select(k => new ContentId(k)).ToList();
    }

    /// <inheritdoc />
    public async Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default)
    {
        long before = (await RepoStatAsync(cancellationToken).ConfigureAwait(false)).RepoSize;
        long removed = 0;
        await foreach (KuboGcLine line in _rpc.LinesAsync("repo/gc", [], null, KuboJsonContext.Default.KuboGcLine, cancellationToken).ConfigureAwait(false))
        {
            if (line.Error is { Length: > 0 } error)
            {
                throw new KuboException(ErrorCodes.NodeError, "repo/gc", error);
            }

            if (line.Key?.Cid is not null)
            {
                removed++;
            }
        }

        // Kubo does not report sizes per removed block: the repository's shrinkage is the best measure.
        long after = (await RepoStatAsync(cancellationToken).ConfigureAwait(false)).RepoSize;
        return new GarbageCollectionResult(removed, Math.Max(0, before - after));
    }

    /// <inheritdoc />
    public async Task<ContentStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        KuboRepoStat stat = await RepoStatAsync(cancellationToken).ConfigureAwait(false);
        return new ContentStoreStatistics(stat.NumObjects, stat.RepoSize, (await ListPinsAsync(cancellationToken).ConfigureAwait(false)).Count);
    }

    /// <summary>
    /// Writes one CAR of the DAGs under <paramref name="roots"/> from the node's <c>dag/export</c>,
    /// checking every block against its CID and that each DAG arrives whole: a block the node leaves
    /// out raises <see cref="ContentNotFoundException"/>, altered bytes <see cref="ContentCorruptedException"/>.
    /// </summary>
    public async Task ExportCarAsync(IReadOnlyList<ContentId> roots, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(destination);
        List<Cid> cids = roots.Select(Cid.Parse).ToList();
        await CarWriter.WriteHeaderAsync(destination, cids, cancellationToken).ConfigureAwait(false);
        var written = new HashSet<Cid>();
        foreach (Cid root in cids)
        {
            var expected = new HashSet<Cid> { root.ToV1() };
            using HttpResponseMessage response = await _rpc.SendAsync("dag/export", [Arg(root), Offline], null, cancellationToken).ConfigureAwait(false);
            Stream car = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (car.ConfigureAwait(false))
            {
                CarReader reader = await CarReader.OpenAsync(car, cancellationToken).ConfigureAwait(false);
                await foreach ((Cid cid, byte[] block) in reader.ReadBlocksAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!cid.Matches(block))
                    {
                        throw Altered(cid, block.Length);
                    }

                    expected.Remove(cid.ToV1());
                    foreach (Cid link in UnixFsExporter.Links(cid, block).Where(l => l.Hash != MultihashCode.Identity && !written.Contains(l.ToV1())))
                    {
                        expected.Add(link.ToV1());
                    }

                    if (written.Add(cid.ToV1()))
                    {
                        await CarWriter.WriteBlockAsync(destination, cid, block, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            expected.ExceptWith(written);
            if (expected.Count > 0)
            {
                throw new ContentNotFoundException(expected.First().ToContentId(), $"the DAG {root}, which the Kubo node exported without it");
            }
        }
    }

    /// <summary>
    /// Checks every block of the archive against its CID here, then has the node import it
    /// (<c>dag/import</c>, roots pinned). An archive with one bad block is refused before the node sees it.
    /// </summary>
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
        string path = Path.GetTempFileName();
        var copy = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (copy.ConfigureAwait(false))
        {
            await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
            CarReader reader = await CarReader.OpenAsync(copy, cancellationToken).ConfigureAwait(false);
            await foreach ((Cid cid, byte[] block) in reader.ReadBlocksAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!cid.Matches(block))
                {
                    throw new ContentCorruptedException(cid.ToContentId(), "the archive's bytes for it do not hash to it; the archive is refused whole");
                }
            }

            copy.Position = 0;
            using MultipartFormDataContent body = KuboRpc.Multipart(new StreamContent(copy), "file");
            await foreach (KuboImported line in _rpc.LinesAsync("dag/import", [new("pin-roots", "true")], body, KuboJsonContext.Default.KuboImported, cancellationToken).ConfigureAwait(false))
            {
                if (line.Root is { PinErrorMsg: { Length: > 0 } pinError, Cid.Cid: var root })
                {
                    throw new KuboException(ErrorCodes.NodeError, "dag/import", $"the root {root} was not pinned: {pinError}");
                }
            }

            return reader.Roots.Select(r => r.ToContentId()).ToList();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();

    private static KeyValuePair<string, string> Arg(Cid cid) => new("arg", cid.ToString());

    private ContentCorruptedException Altered(Cid cid, int length) =>
        new(cid.ToContentId(), $"the Kubo node at {Api} returned {length} bytes that do not hash to it");

    private Task<KuboRepoStat> RepoStatAsync(CancellationToken cancellationToken) =>
        _rpc.JsonAsync("repo/stat", [new("size-only", "true")], null, KuboJsonContext.Default.KuboRepoStat, cancellationToken);

    /// <summary>The block from the node, checked against its CID; null when the node does not have it.</summary>
    private async ValueTask<byte[]?> GetVerifiedAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (cid.Hash == MultihashCode.Identity)
        {
            return cid.Digest.ToArray();
        }

        byte[] block;
        try
        {
            block = await _rpc.BytesAsync("block/get", [Arg(cid), Offline], KuboRpc.MaxBlock, cancellationToken).ConfigureAwait(false);
        }
        catch (KuboException e) when (KuboRpc.IsNotFound(e))
        {
            return null;
        }

        return cid.Matches(block) ? block : throw Altered(cid, block.Length);
    }

    /// <summary>Stores a block on the node and checks that the node names it with the same multihash.</summary>
    private async Task PutAsync(Cid cid, ReadOnlyMemory<byte> block, bool pin, CancellationToken cancellationToken)
    {
        using MultipartFormDataContent body = KuboRpc.Multipart(new ReadOnlyMemoryContent(block), "data");
        KeyValuePair<string, string>[] arguments =
        [
            new("cid-codec", cid.Codec == ContentCodec.Raw ? "raw" : "dag-pb"),
            new("mhtype", "sha2-256"),
            new("mhlen", "-1"),
            new("pin", pin ? "true" : "false"),
        ];
        KuboBlockStat stored = await _rpc.JsonAsync("block/put", arguments, body, KuboJsonContext.Default.KuboBlockStat, cancellationToken).ConfigureAwait(false);
        if (stored.Key is null || !Cid.TryParse(stored.Key, out Cid? named) || named is null || !named.Multihash.SequenceEqual(cid.Multihash))
        {
            throw new KuboException(ErrorCodes.NodeError, "block/put", $"the node stored the block as {stored.Key ?? "nothing"}, not {cid}");
        }
    }
}
