using System.Buffers;

namespace ValueChain;

/// <summary>
/// Hexadecimal text to bytes and back. Decoding accepts an optional <c>0x</c> prefix and either
/// case; encoding writes lower case with the prefix. Malformed input throws
/// <see cref="ValueChainFormatException"/> naming the parameter.
/// </summary>
public static class Hex
{
    /// <summary>Decodes hex text (with or without <c>0x</c>) into bytes.</summary>
    /// <param name="hex">The text.</param>
    /// <param name="parameterName">The name reported in errors.</param>
    /// <exception cref="ValueChainFormatException">Odd length, a non-hex character, or null.</exception>
    public static byte[] Decode(string hex, string parameterName = "hex")
    {
        if (hex is null)
        {
            throw new ValueChainFormatException(parameterName, null, "hex text is required");
        }

        ReadOnlySpan<char> digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new ValueChainFormatException(parameterName, hex, $"hex text has an odd number of digits ({digits.Length})");
        }

        var bytes = new byte[digits.Length / 2];
        DecodeInto(hex, digits, bytes, parameterName);
        return bytes;
    }

    /// <summary>Decodes hex text into exactly <paramref name="destination"/>.Length bytes.</summary>
    /// <exception cref="ValueChainFormatException">A wrong length or a non-hex character.</exception>
    public static void Decode(string hex, Span<byte> destination, string parameterName = "hex")
    {
        if (hex is null)
        {
            throw new ValueChainFormatException(parameterName, null, "hex text is required");
        }

        ReadOnlySpan<char> digits = StripPrefix(hex);
        if (digits.Length != destination.Length * 2)
        {
            throw new ValueChainFormatException(parameterName, hex, $"expected {destination.Length} bytes ({destination.Length * 2} hex digits) but found {digits.Length} digits");
        }

        DecodeInto(hex, digits, destination, parameterName);
    }

    /// <summary>Encodes bytes as lower-case hex, with the <c>0x</c> prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        string digits = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + digits : digits;
    }

    /// <summary>The digits of <paramref name="hex"/> without an optional 0x or 0X prefix.</summary>
    internal static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.Length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') ? hex.AsSpan(2) : hex.AsSpan();

    private static void DecodeInto(string original, ReadOnlySpan<char> digits, Span<byte> destination, string parameterName)
    {
        OperationStatus status = Convert.FromHexString(digits, destination, out _, out _);
        if (status != OperationStatus.Done)
        {
            int bad = digits.IndexOfAnyExcept(HexDigits);
            string reason = bad >= 0 ? $"'{digits[bad]}' at position {bad} is not a hex digit" : "not valid hex";
            throw new ValueChainFormatException(parameterName, original, reason);
        }
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
}
