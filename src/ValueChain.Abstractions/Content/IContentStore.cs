namespace ValueChain.Content;

/// <summary>
/// An off-chain, content-addressed store: the "store off-chain, pin the hash on-chain" half of the
/// applications. The same bytes always get the same <see cref="ContentId"/>.
/// </summary>
public interface IContentStore
{
    /// <summary>Stores <paramref name="content"/> and returns its content id.</summary>
    Task<ContentId> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Returns the content with id <paramref name="id"/>, or null when the store does not have it.</summary>
    Task<byte[]?> GetAsync(ContentId id, CancellationToken cancellationToken = default);
}
