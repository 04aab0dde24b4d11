using ValueChain.Content;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Cli.ContentCommands;

/// <summary>
/// Where the content commands keep their blocks: <c>--store</c>, else <c>$VALUECHAIN_CONTENT_STORE</c>,
/// else <c>valuechain/content</c> under the user's local application data (~/.local/share on Linux);
/// or a Kubo node with <c>--kubo</c>.
/// </summary>
internal static class ContentStoreLocation
{
    internal static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("VALUECHAIN_CONTENT_STORE") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "valuechain", "content");

    /// <summary>Opens the embedded store under <paramref name="directory"/> (the default one when null), or the Kubo node at <paramref name="kubo"/>.</summary>
    internal static IContentStore Open(DirectoryInfo? directory, Uri? kubo, UnixFsProfile profile) =>
        kubo is not null
            ? KuboContentStore.Connect(kubo, profile)
            : EmbeddedContentStore.Open(directory?.FullName ?? DefaultDirectory, profile);

    /// <summary>What the store is, for messages.</summary>
    internal static string Describe(IContentStore store) => store switch
    {
        EmbeddedContentStore { Directory: { } directory } => directory,
        KuboContentStore kubo => $"the Kubo node at {kubo.Api}",
        _ => "the store",
    };
}
