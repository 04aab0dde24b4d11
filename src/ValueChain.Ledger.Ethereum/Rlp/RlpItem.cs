namespace ValueChain.Ledger.Ethereum;

/// <summary>An RLP value: a byte string or a list of RLP values.</summary>
public sealed class RlpItem
{
    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        Bytes = bytes;
        Items = items;
    }

    /// <summary>The bytes of a byte string, or null for a list.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The items of a list, or null for a byte string.</summary>
    public IReadOnlyList<RlpItem>? Items { get; }

    /// <summary>True for a list.</summary>
    public bool IsList => Items is not null;

    /// <summary>A byte string.</summary>
    public static RlpItem Of(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), null);

    /// <summary>A list.</summary>
    public static RlpItem List(params RlpItem[] items) => new(null, items);

    /// <summary>A list.</summary>
    public static RlpItem List(IEnumerable<RlpItem> items) => new(null, items.ToArray());

    /// <summary>An unsigned integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static RlpItem Of(UInt256 value)
    {
        byte[] bytes = value.ToBigEndian();
        int first = Array.FindIndex(bytes, b => b != 0);
        return Of(first < 0 ? [] : bytes.AsSpan(first));
    }
}
