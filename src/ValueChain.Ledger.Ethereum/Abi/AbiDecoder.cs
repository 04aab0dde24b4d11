using System.Numerics;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Decodes the Solidity contract ABI encoding into the values <see cref="AbiEncoder"/> takes: integers as
/// <see cref="BigInteger"/>, <see cref="bool"/>, <see cref="Address"/>, <c>byte[]</c>, <see cref="string"/>
/// and <c>object[]</c> for tuples and arrays. Offsets and lengths are bounds-checked, so hostile return
/// data gives a <see cref="ValueChainFormatException"/>, never an out-of-memory or an index error.
/// </summary>
public static class AbiDecoder
{
    private const int Word = 32;

    /// <summary>Decodes a tuple of <paramref name="types"/> (function arguments or return values).</summary>
    /// <exception cref="ValueChainFormatException">The data is not a valid encoding of the types.</exception>
    public static object[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DecodeSequence(types, data, 0, "data");
    }

    private static object[] DecodeSequence(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start, string path)
    {
        var values = new object[types.Count];
        int head = start;
        for (int i = 0; i < types.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            int position = types[i].IsDynamic ? checked(start + ReadLength(data, head, itemPath)) : head;
            values[i] = DecodeValue(types[i], data, position, itemPath);
            head += types[i].HeadSize;
        }

        return values;
    }

    private static object DecodeValue(AbiType type, ReadOnlySpan<byte> data, int position, string path)
    {
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger:
                BigInteger unsigned = new(WordAt(data, position, path), isUnsigned: true, isBigEndian: true);
                return unsigned.GetBitLength() <= type.Size ? unsigned : throw Malformed(path, $"the value does not fit {type}");
            case AbiKind.SignedInteger:
                BigInteger signed = new(WordAt(data, position, path), isUnsigned: false, isBigEndian: true);
                BigInteger limit = BigInteger.One << (type.Size - 1);
                return signed >= -limit && signed < limit ? signed : throw Malformed(path, $"the value does not fit {type}");
            case AbiKind.Bool:
                BigInteger flag = new(WordAt(data, position, path), isUnsigned: true, isBigEndian: true);
                return flag <= 1 ? !flag.IsZero : throw Malformed(path, "a bool must be 0 or 1");
            case AbiKind.Address:
                ReadOnlySpan<byte> word = WordAt(data, position, path);
                return word[..12].IndexOfAnyExcept((byte)0) < 0 ? new Address(word[12..]) : throw Malformed(path, "the upper 12 bytes of an address must be zero");
            case AbiKind.FixedBytes:
                ReadOnlySpan<byte> padded = WordAt(data, position, path);
                return padded[type.Size..].IndexOfAnyExcept((byte)0) < 0 ? padded[..type.Size].ToArray() : throw Malformed(path, $"the padding of {type} must be zero");
            case AbiKind.Bytes:
                return LengthPrefixed(data, position, path).ToArray();
            case AbiKind.Text:
                return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(LengthPrefixed(data, position, path));
            case AbiKind.Tuple:
                return DecodeSequence(type.Components, data, position, path);
            case AbiKind.FixedArray:
                return DecodeSequence([.. Enumerable.Repeat(type.Element!, type.Size)], data, position, path);
            default:
                int count = ReadLength(data, position, path);
                // Every item takes at least one word: a larger count cannot be real and would only exhaust memory.
                if ((long)count * Math.Max(type.Element!.HeadSize, Word) > data.Length - position - Word)
                {
                    throw Malformed(path, $"an array of {count} items does not fit in the data");
                }

                return DecodeSequence([.. Enumerable.Repeat(type.Element, count)], data, position + Word, path);
        }
    }

    private static ReadOnlySpan<byte> LengthPrefixed(ReadOnlySpan<byte> data, int position, string path)
    {
        int length = ReadLength(data, position, path);
        int start = position + Word;
        return (long)start + length <= data.Length ? data.Slice(start, length) : throw Malformed(path, $"{length} bytes do not fit in the data");
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string path)
    {
        ReadOnlySpan<byte> word = WordAt(data, position, path);
        return word[..28].IndexOfAnyExcept((byte)0) < 0 && word[28] < 0x80
            ? (word[28] << 24) | (word[29] << 16) | (word[30] << 8) | word[31]
            : throw Malformed(path, "an offset or length is too large");
    }

    private static ReadOnlySpan<byte> WordAt(ReadOnlySpan<byte> data, int position, string path) =>
        position >= 0 && (long)position + Word <= data.Length ? data.Slice(position, Word) : throw Malformed(path, $"the data ends before byte {position + Word}");

    private static ValueChainFormatException Malformed(string path, string reason) => new(path, null, reason);
}
