namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>
/// How a file becomes a UnixFS DAG: fixed-size chunks, a balanced tree of dag-pb nodes with at most
/// <see cref="MaxLinks"/> links each, CID version and leaf kind. The same profile on the same bytes
/// gives the same root CID here, in Kubo and in the JavaScript reference importer.
/// </summary>
/// <param name="CidVersion">0 (dag-pb leaves only) or 1.</param>
/// <param name="RawLeaves">Whether leaves are raw blocks (CIDv1 raw codec) rather than dag-pb UnixFS file nodes.</param>
/// <param name="ChunkSize">The size of every chunk but the last, in bytes.</param>
/// <param name="MaxLinks">The most links one dag-pb node holds.</param>
public sealed record UnixFsProfile(int CidVersion, bool RawLeaves, int ChunkSize, int MaxLinks)
{
    /// <summary>The largest chunk a profile may use: 1 MiB, the block size every IPFS implementation exchanges.</summary>
    public const int MaxChunkSize = 1024 * 1024;

    /// <summary><c>ipfs add</c> defaults: CIDv0, dag-pb leaves, 256 KiB chunks, 174 links a node.</summary>
    public static UnixFsProfile KuboDefaultV0 { get; } = new(0, false, 256 * 1024, 174);

    /// <summary><c>ipfs add --cid-version=1 --raw-leaves=false</c>: CIDv1, dag-pb leaves, 256 KiB chunks, 174 links.</summary>
    public static UnixFsProfile KuboV1 { get; } = new(1, false, 256 * 1024, 174);

    /// <summary><c>ipfs add --cid-version=1</c>: CIDv1, raw leaves, 256 KiB chunks, 174 links.</summary>
    public static UnixFsProfile KuboV1RawLeaves { get; } = new(1, true, 256 * 1024, 174);

    /// <summary>The IPIP-499 profile <c>unixfs-v1-2025</c>: CIDv1, raw leaves, 1 MiB chunks, 1024 links.</summary>
    public static UnixFsProfile UnixFsV1Of2025 { get; } = new(1, true, 1024 * 1024, 1024);

    /// <summary>What is wrong with this profile, or null when it is usable.</summary>
    public string? Validate() =>
        CidVersion is not (0 or 1) ? $"CidVersion must be 0 or 1, not {CidVersion}."
        : CidVersion == 0 && RawLeaves ? "RawLeaves needs CidVersion 1: a CIDv0 cannot name a raw block."
        : ChunkSize is < 1 or > MaxChunkSize ? $"ChunkSize must be between 1 and {MaxChunkSize} bytes, not {ChunkSize}."
        : MaxLinks < 2 ? $"MaxLinks must be at least 2, not {MaxLinks}."
        : null;
}
