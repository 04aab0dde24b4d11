namespace ValueChain.Content;

/// <summary>
/// The stable error codes of content stores, carried by <see cref="ValueChainException.Code"/>
/// (a malformed CID, CAR or UnixFS node uses <see cref="ErrorCodes.InvalidFormat"/>).
/// Codes never change meaning once published; new ones are only added.
/// </summary>
public static class ContentErrorCodes
{
    /// <summary>A block the operation needs is not in the store.</summary>
    public const string ContentNotFound = "content_not_found";

    /// <summary>A block's bytes do not match its content id, or a node contradicts the DAG it belongs to.</summary>
    public const string ContentCorrupted = "content_corrupted";
}
