namespace ValueChain.Content;

/// <summary>
/// The address of a piece of content in an <see cref="IContentStore"/>: an IPFS CID as text
/// (CIDv0 "Qm…" or CIDv1 "b…"). Two spellings of one CID (v0 and v1) are different values here;
/// parse them with the store's CID type to compare the content they name.
/// </summary>
/// <param name="Value">The CID text.</param>
public readonly record struct ContentId(string Value)
{
    /// <summary>The CID text.</summary>
    public override string ToString() => Value;
}
