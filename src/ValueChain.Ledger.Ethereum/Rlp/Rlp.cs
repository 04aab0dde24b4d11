using System.Buffers.Binary;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Ethereum's Recursive Length Prefix encoding. Decoding is strict: a single byte below 0x80 written
/// with a prefix, a long form for a short payload, a length with leading zeros, or trailing bytes are
/// refused, so every value has exactly one encoding.
/// </summary>
public static class Rlp
{
    /// <summary>The encoding of <paramref name="item"/>.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var output = new MemoryStream();
        Write(output, item);
        return output.ToArray();
    }

    /// <summary>Decodes exactly one item.</summary>
    /// <exception cref="ValueChainFormatException">Truncated, non-canonical, or followed by more bytes.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        RlpItem item = Read(encoded, out int used);
        return used == encoded.Length ? item : throw Malformed(encoded, $"{encoded.Length - used} bytes follow the item");
    }

    private static void Write(MemoryStream output, RlpItem item)
    {
        if (!item.IsList)
        {
            byte[] bytes = item.Bytes!;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                output.WriteByte(bytes[0]);
                return;
            }

            WriteLength(output, bytes.Length, 0x80);
            output.Write(bytes);
            return;
        }

        using var payload = new MemoryStream();
        foreach (RlpItem child in item.Items!)
        {
            Write(payload, child);
        }

        WriteLength(output, (int)payload.Length, 0xc0);
        payload.WriteTo(output);
    }

    private static void WriteLength(MemoryStream output, int length, byte offset)
    {
        if (length < 56)
        {
            output.WriteByte((byte)(offset + length));
            return;
        }

        Span<byte> bigEndian = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bigEndian, length);
        int skip = int.LeadingZeroCount(length) / 8; // leading zero bytes of the big-endian length
        output.WriteByte((byte)(offset + 55 + 4 - skip));
        output.Write(bigEndian[skip..]);
    }

    private static RlpItem Read(ReadOnlySpan<byte> data, out int used)
    {
        if (data.IsEmpty)
        {
            throw Malformed(data, "no data");
        }

        byte prefix = data[0];
        if (prefix < 0x80)
        {
            used = 1;
            return RlpItem.Of(data[..1]);
        }

        bool isList = prefix >= 0xc0;
        int code = prefix - (isList ? 0xc0 : 0x80);
        (int headerLength, int length) = code < 56 ? (1, code) : LongLength(data, code - 55);
        if (headerLength + length > data.Length)
        {
            throw Malformed(data, $"the item needs {headerLength + length} bytes, {data.Length} are left");
        }

        ReadOnlySpan<byte> payload = data.Slice(headerLength, length);
        used = headerLength + length;
        if (!isList)
        {
            if (length == 1 && payload[0] < 0x80)
            {
                throw Malformed(data, "a single byte below 0x80 must be written without a prefix");
            }

            return RlpItem.Of(payload);
        }

        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(Read(payload, out int childLength));
            payload = payload[childLength..];
        }

        return RlpItem.List(items);
    }

    private static (int HeaderLength, int Length) LongLength(ReadOnlySpan<byte> data, int lengthOfLength)
    {
        if (lengthOfLength > 4 || data.Length < 1 + lengthOfLength)
        {
            throw Malformed(data, "the length does not fit or is truncated");
        }

        ReadOnlySpan<byte> lengthBytes = data.Slice(1, lengthOfLength);
        if (lengthBytes[0] == 0)
        {
            throw Malformed(data, "the length has leading zeros");
        }

        int length = 0;
        foreach (byte b in lengthBytes)
        {
            length = checked((length << 8) | b);
        }

        return length < 56 ? throw Malformed(data, "a length below 56 must use the short form") : (1 + lengthOfLength, length);
    }

    private static ValueChainFormatException Malformed(ReadOnlySpan<byte> data, string reason) =>
        new("RLP", Hex.Encode(data[..Math.Min(data.Length, 64)]), reason);
}
