using System.Collections;
using System.Numerics;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The Solidity contract ABI encoding. Values are given as: integers as <see cref="BigInteger"/>,
/// <see cref="UInt256"/> or any CLR integer; <see cref="bool"/>; <see cref="Address"/>; <c>byte[]</c> for
/// <c>bytes</c> and <c>bytesN</c>; <see cref="string"/>; and a list (any <see cref="IEnumerable"/>) for
/// tuples and arrays.
/// </summary>
public static class AbiEncoder
{
    private const int Word = 32;

    /// <summary>Encodes values as the arguments of a function (a tuple of <paramref name="types"/>).</summary>
    /// <exception cref="ValueChainFormatException">A value does not fit its type.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        var output = new List<byte>(types.Sum(t => t.HeadSize));
        EncodeSequence(types, values, output, "arguments");
        return [.. output];
    }

    /// <summary>Encodes a call: the selector of <paramref name="signature"/> followed by the arguments.</summary>
    public static byte[] EncodeCall(string signature, IReadOnlyList<AbiType> types, IReadOnlyList<object> values) =>
        [.. AbiSignature.Selector(signature), .. Encode(types, values)];

    private static void EncodeSequence(IReadOnlyList<AbiType> types, IReadOnlyList<object> values, List<byte> output, string path)
    {
        if (types.Count != values.Count)
        {
            throw Invalid(path, $"{types.Count} values are needed, {values.Count} were given");
        }

        // Heads first (static values in place, offsets for dynamic ones), then the tails in order.
        int headStart = output.Count;
        int headSize = types.Sum(t => t.HeadSize);
        output.AddRange(new byte[headSize]);
        int head = headStart;
        for (int i = 0; i < types.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            if (types[i].IsDynamic)
            {
                WriteWord(output, head, new BigInteger(output.Count - headStart));
                EncodeValue(types[i], values[i], output, itemPath);
            }
            else
            {
                var staticPart = new List<byte>(types[i].HeadSize);
                EncodeValue(types[i], values[i], staticPart, itemPath);
                for (int b = 0; b < staticPart.Count; b++)
                {
                    output[head + b] = staticPart[b];
                }
            }

            head += types[i].HeadSize;
        }
    }

    private static void EncodeValue(AbiType type, object value, List<byte> output, string path)
    {
        ArgumentNullException.ThrowIfNull(value, path);
        switch (type.Kind)
        {
            case AbiKind.UnsignedInteger or AbiKind.SignedInteger:
                AppendWord(output, CheckedInteger(type, value, path));
                break;
            case AbiKind.Bool:
                AppendWord(output, value is bool flag ? (flag ? BigInteger.One : BigInteger.Zero) : throw Invalid(path, "a bool is needed"));
                break;
            case AbiKind.Address:
                byte[] word = new byte[Word];
                (value is Address address ? address : throw Invalid(path, "an Address is needed")).WriteTo(word.AsSpan(12));
                output.AddRange(word);
                break;
            case AbiKind.FixedBytes:
                byte[] fixedBytes = value is Hash32 hash ? hash.ToArray() : value as byte[] ?? throw Invalid(path, "a byte[] (or a Hash32 for bytes32) is needed");
                if (fixedBytes.Length != type.Size)
                {
                    throw Invalid(path, $"{type} needs exactly {type.Size} bytes, {fixedBytes.Length} were given");
                }

                AppendPadded(output, fixedBytes);
                break;
            case AbiKind.Bytes:
                AppendLengthPrefixed(output, value as byte[] ?? throw Invalid(path, "a byte[] is needed"));
                break;
            case AbiKind.Text:
                AppendLengthPrefixed(output, System.Text.Encoding.UTF8.GetBytes(value as string ?? throw Invalid(path, "a string is needed")));
                break;
            case AbiKind.Tuple:
                EncodeSequence(type.Components, Items(value, path), output, path);
                break;
            case AbiKind.FixedArray:
                List<object> fixedItems = Items(value, path);
                if (fixedItems.Count != type.Size)
                {
                    throw Invalid(path, $"{type} needs {type.Size} items, {fixedItems.Count} were given");
                }

                EncodeSequence([.. Enumerable.Repeat(type.Element!, type.Size)], fixedItems, output, path);
                break;
            default:
                List<object> items = Items(value, path);
                AppendWord(output, items.Count);
                EncodeSequence([.. Enumerable.Repeat(type.Element!, items.Count)], items, output, path);
                break;
        }
    }

    private static BigInteger CheckedInteger(AbiType type, object value, string path)
    {
        BigInteger integer = value switch
        {
            BigInteger big => big,
            UInt256 u => u.Value,
            int or long or short or sbyte => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            uint or ulong or ushort or byte => Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw Invalid(path, $"an integer is needed for {type}, got {value.GetType().Name}"),
        };
        BigInteger min = type.Kind == AbiKind.SignedInteger ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        BigInteger max = type.Kind == AbiKind.SignedInteger ? (BigInteger.One << (type.Size - 1)) - 1 : (BigInteger.One << type.Size) - 1;
        return integer >= min && integer <= max ? integer : throw Invalid(path, $"{integer} is outside the range of {type}");
    }

    private static List<object> Items(object value, string path) => value is IEnumerable list and not string and not byte[]
        ? [.. list.Cast<object>()]
        : throw Invalid(path, "a list is needed for a tuple or an array");

    private static void AppendLengthPrefixed(List<byte> output, byte[] data)
    {
        AppendWord(output, data.Length);
        AppendPadded(output, data);
    }

    private static void AppendPadded(List<byte> output, byte[] data)
    {
        output.AddRange(data);
        output.AddRange(new byte[(Word - (data.Length % Word)) % Word]);
    }

    private static void AppendWord(List<byte> output, BigInteger value)
    {
        output.AddRange(new byte[Word]);
        WriteWord(output, output.Count - Word, value);
    }

    // Two's complement, big-endian, sign-extended to 32 bytes.
    private static void WriteWord(List<byte> output, int position, BigInteger value)
    {
        byte fill = value.Sign < 0 ? (byte)0xff : (byte)0;
        byte[] bytes = value.ToByteArray(isUnsigned: false, isBigEndian: true);
        int skip = bytes.Length > Word ? bytes.Length - Word : 0; // a leading sign byte of a 256-bit unsigned value
        for (int i = 0; i < Word; i++)
        {
            int source = i - (Word - (bytes.Length - skip)) + skip;
            output[position + i] = source >= skip ? bytes[source] : fill;
        }
    }

    internal static ValueChainFormatException Invalid(string path, string reason) => new(path, null, reason);
}
