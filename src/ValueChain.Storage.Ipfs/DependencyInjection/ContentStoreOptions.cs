using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs;

/// <summary>Configures the content store that <c>UseContentStore</c> registers.</summary>
public sealed class ContentStoreOptions
{
    /// <summary>The directory the embedded store keeps its blocks under; null (the default) keeps them in memory.</summary>
    public string? Directory { get; set; }

    /// <summary>How files are imported; <see cref="UnixFsProfile.UnixFsV1Of2025"/> (IPIP-499) by default.</summary>
    public UnixFsProfile Profile { get; set; } = UnixFsProfile.UnixFsV1Of2025;

    /// <summary>
    /// The RPC root of a Kubo node (for example <c>http://127.0.0.1:5001</c>) to use instead of the
    /// embedded store; null (the default) uses the embedded store.
    /// </summary>
    public Uri? KuboApi { get; set; }

    /// <summary>Uses the Kubo node whose RPC root is <paramref name="api"/> instead of the embedded store.</summary>
    /// <returns>These options, for chaining.</returns>
    public ContentStoreOptions UseKubo(Uri api)
    {
        ArgumentNullException.ThrowIfNull(api);
        KuboApi = api;
        return this;
    }

    /// <summary>Uses the Kubo node whose RPC root is <paramref name="api"/> (an absolute http or https URL) instead of the embedded store.</summary>
    /// <returns>These options, for chaining.</returns>
    public ContentStoreOptions UseKubo(string api)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(api);
        return UseKubo(new Uri(api, UriKind.RelativeOrAbsolute));
    }
}
