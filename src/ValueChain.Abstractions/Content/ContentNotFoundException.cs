namespace ValueChain.Content;

/// <summary>A block the operation needs is not in the store; <see cref="Id"/> names it.</summary>
public sealed class ContentNotFoundException : ValueChainException
{
    /// <summary>Creates the error for the missing block <paramref name="id"/>.</summary>
    /// <param name="id">The content id of the missing block.</param>
    /// <param name="context">What needed it (for example "the file QmRoot…"), or null.</param>
    public ContentNotFoundException(ContentId id, string? context = null)
        : base(ErrorCodes.ContentNotFound, context is null
            ? $"The block {id} is not in the content store."
            : $"The block {id} is not in the content store (needed by {context}).")
    {
        Id = id;
    }

    /// <summary>The content id of the missing block.</summary>
    public ContentId Id { get; }
}
