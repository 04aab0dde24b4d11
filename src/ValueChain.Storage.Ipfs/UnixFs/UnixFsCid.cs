using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>The root CID a file gets, computed without storing anything (what <c>ipfs add --only-hash</c> prints).</summary>
public static class UnixFsCid
{
    /// <summary>Reads <paramref name="content"/> to its end, in chunks, and returns the root CID its import with <paramref name="profile"/> gives.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="profile">How the file is imported.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static Task<Cid> ComputeAsync(Stream content, UnixFsProfile profile, CancellationToken cancellationToken = default) =>
        UnixFsImporter.ImportAsync(content, profile, static (_, _, _) => ValueTask.CompletedTask, cancellationToken);
}
