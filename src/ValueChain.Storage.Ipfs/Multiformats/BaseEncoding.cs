using System.Numerics;
using System.Text;

namespace ValueChain.Storage.Ipfs.Multiformats;

/// <summary>Base58btc and RFC 4648 base32 (lower case, unpadded), with strict decoding.</summary>
internal static class BaseEncoding
{
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    internal static string EncodeBase58(ReadOnlySpan<byte> data)
    {
        int zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out BigInteger remainder);
            digits.Insert(0, Base58Alphabet[(int)remainder]);
        }

        return new string('1', zeros) + digits;
    }

    /// <summary>Decodes base58btc; null when a character is outside the alphabet.</summary>
    internal static byte[]? DecodeBase58(ReadOnlySpan<char> text)
    {
        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        BigInteger value = BigInteger.Zero;
        foreach (char c in text[zeros..])
        {
            int digit = Base58Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 58) + digit;
        }

        byte[] body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[zeros + body.Length];
        body.CopyTo(result, zeros);
        return result;
    }

    internal static string EncodeBase32(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(((data.Length * 8) + 4) / 5);
        int buffer = 0;
        int bits = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    /// <summary>Decodes unpadded lower-case base32; null on a foreign character, an impossible length or non-zero trailing bits.</summary>
    internal static byte[]? DecodeBase32(ReadOnlySpan<char> text)
    {
        int rest = text.Length % 8;
        if (rest is 1 or 3 or 6)
        {
            return null;
        }

        var result = new byte[text.Length * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        foreach (char c in text)
        {
            int digit = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            buffer = ((buffer << 5) | digit) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                result[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return (buffer & ((1 << bits) - 1)) == 0 ? result : null;
    }
}
