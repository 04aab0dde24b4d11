namespace ValueChain.Ledger.Ethereum;

/// <summary>A field of an event.</summary>
/// <param name="Name">The field's name (may be empty).</param>
/// <param name="Type">Its ABI type.</param>
/// <param name="Indexed">Whether it is a topic rather than part of the data.</param>
public sealed record AbiEventParameter(string Name, AbiType Type, bool Indexed)
{
    /// <summary>
    /// Whether the topic holds the Keccak-256 hash of the value rather than the value: true for indexed
    /// strings, bytes, arrays and tuples, which cannot be recovered from a log.
    /// </summary>
    public bool IsHashedTopic => Indexed && Type.Kind is AbiKind.Text or AbiKind.Bytes or AbiKind.Tuple or AbiKind.FixedArray or AbiKind.DynamicArray;
}
