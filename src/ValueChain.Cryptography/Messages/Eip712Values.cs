using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ValueChain.Cryptography;

/// <summary>Encodes one EIP-712 atomic or dynamic value from JSON into its 32-byte word.</summary>
internal static class Eip712Values
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>Reads an integer given as a JSON number, a decimal string or a 0x-hex string.</summary>
    public static BigInteger ToInteger(JsonNode node, string path)
    {
        string text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => throw new ValueChainFormatException(path, node.ToJsonString(), "expected an integer (number, decimal string or 0x hex)"),
        };
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2
            && BigInteger.TryParse(string.Concat("0", text.AsSpan(2)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out BigInteger hex))
        {
            return hex;
        }

        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger value))
        {
            return value;
        }

        throw new ValueChainFormatException(path, text, "expected an integer (number, decimal string or 0x hex)");
    }

    /// <summary>Writes the 32-byte encoding of an atomic or dynamic (string, bytes) value.</summary>
    public static void Encode(string type, JsonNode? node, string path, Span<byte> word)
    {
        word.Clear();
        if (node is null)
        {
            throw new ValueChainFormatException(path, null, $"a value of type {type} is required");
        }

        switch (type)
        {
            case "address":
                Address.Parse(AsString(node, path)).WriteTo(word[12..]);
                return;
            case "bool":
                word[31] = node.GetValueKind() switch
                {
                    JsonValueKind.True => 1,
                    JsonValueKind.False => 0,
                    _ => throw new ValueChainFormatException(path, node.ToJsonString(), "expected true or false"),
                };
                return;
            case "string":
                Keccak256.Hash(Encoding.UTF8.GetBytes(AsString(node, path)), word);
                return;
            case "bytes":
                Keccak256.Hash(Hex.Decode(AsString(node, path), path), word);
                return;
        }

        if (type.StartsWith("bytes", StringComparison.Ordinal) && int.TryParse(type.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size is >= 1 and <= 32)
        {
            byte[] bytes = Hex.Decode(AsString(node, path), path);
            if (bytes.Length != size)
            {
                throw new ValueChainFormatException(path, AsString(node, path), $"{type} takes exactly {size} bytes, not {bytes.Length}");
            }

            bytes.CopyTo(word);
            return;
        }

        if (TryIntegerBits(type, out bool signed, out int bits))
        {
            BigInteger value = ToInteger(node, path);
            BigInteger min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
            BigInteger max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
            if (value < min || value > max)
            {
                throw new ValueChainFormatException(path, value.ToString(), $"out of range for {type}");
            }

            BigInteger twosComplement = value.Sign < 0 ? value + TwoTo256 : value;
            int length = twosComplement.GetByteCount(isUnsigned: true);
            twosComplement.TryWriteBytes(word.Slice(32 - length, length), out _, isUnsigned: true, isBigEndian: true);
            return;
        }

        throw new ValueChainFormatException(path, type, "not an EIP-712 type (expected a struct name, address, bool, string, bytes, bytes1..bytes32, int8..int256 or uint8..uint256)");
    }

    /// <summary>True for uint8…uint256 and int8…int256 in steps of 8.</summary>
    public static bool TryIntegerBits(string type, out bool signed, out int bits)
    {
        signed = type.StartsWith("int", StringComparison.Ordinal);
        string digits = signed ? type[3..] : type.StartsWith("uint", StringComparison.Ordinal) ? type[4..] : "";
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out bits) && bits is >= 8 and <= 256 && bits % 8 == 0 && digits[0] != '0';
    }

    private static string AsString(JsonNode node, string path) =>
        node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new ValueChainFormatException(path, node.ToJsonString(), "expected a string");
}
