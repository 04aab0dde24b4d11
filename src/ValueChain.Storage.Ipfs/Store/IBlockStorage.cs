namespace ValueChain.Storage.Ipfs.Store;

/// <summary>
/// Where an embedded store keeps its blocks and pins, by key (a block's CIDv1 text). Knows nothing of
/// hashes: the store verifies every block it hands out.
/// </summary>
internal interface IBlockStorage
{
    /// <summary>The stored bytes under <paramref name="key"/>, or null.</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Whether a block is stored under <paramref name="key"/>.</summary>
    ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a block atomically: afterwards it is there whole, or not at all. False when it was already there.</summary>
    ValueTask<bool> PutAsync(string key, ReadOnlyMemory<byte> block, CancellationToken cancellationToken);

    /// <summary>Deletes a block; returns its size, or -1 when it was not there.</summary>
    ValueTask<long> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every stored block's key and size.</summary>
    IAsyncEnumerable<(string Key, long Size)> ListAsync(CancellationToken cancellationToken);

    /// <summary>The pinned roots' keys.</summary>
    ValueTask<IReadOnlySet<string>> ReadPinsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the pinned roots' keys atomically.</summary>
    ValueTask WritePinsAsync(IReadOnlySet<string> pins, CancellationToken cancellationToken);
}
