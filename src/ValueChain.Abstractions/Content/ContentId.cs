namespace ValueChain.Content;

/// <summary>The address of a piece of content in an <see cref="IContentStore"/>: an IPFS CID as text.</summary>
/// <param name="Value">The CID text (CIDv0 "Qm…" or CIDv1 "b…").</param>
public readonly record struct ContentId(string Value)
{
    /// <summary>The CID text.</summary>
    public override string ToString() => Value;
}
