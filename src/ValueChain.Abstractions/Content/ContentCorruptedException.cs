namespace ValueChain.Content;

/// <summary>
/// A block's bytes do not match its content id, or a node contradicts its DAG (sizes, links);
/// <see cref="Id"/> names the block. Raised instead of ever returning wrong bytes.
/// </summary>
public sealed class ContentCorruptedException : ValueChainException
{
    /// <summary>Creates the error for the bad block <paramref name="id"/>.</summary>
    /// <param name="id">The content id of the block that does not verify.</param>
    /// <param name="reason">What does not match.</param>
    public ContentCorruptedException(ContentId id, string reason)
        : base(ErrorCodes.ContentCorrupted, $"The block {id} is corrupted: {reason}")
    {
        Id = id;
        Reason = reason;
    }

    /// <summary>The content id of the block that does not verify.</summary>
    public ContentId Id { get; }

    /// <summary>What does not match.</summary>
    public string Reason { get; }
}
