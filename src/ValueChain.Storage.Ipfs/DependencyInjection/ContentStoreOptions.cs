using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs;

/// <summary>Configures the content store that <c>UseContentStore</c> registers.</summary>
public sealed class ContentStoreOptions
{
    /// <summary>The directory the embedded store keeps its blocks under; null (the default) keeps them in memory.</summary>
    public string? Directory { get; set; }

    /// <summary>How files are imported; <see cref="UnixFsProfile.UnixFsV1Of2025"/> (IPIP-499) by default.</summary>
    public UnixFsProfile Profile { get; set; } = UnixFsProfile.UnixFsV1Of2025;
}
