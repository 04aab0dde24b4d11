using System.Numerics;
using System.Security.Cryptography;

namespace ValueChain.Cryptography;

/// <summary>Bitcoin's Base58Check: Base58 of payload ‖ first 4 bytes of SHA-256(SHA-256(payload)).</summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        byte[] data = new byte[payload.Length + 4];
        payload.CopyTo(data);
        SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).CopyTo(data.AsSpan(payload.Length));

        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var digits = new Stack<char>();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out BigInteger remainder);
            digits.Push(Alphabet[(int)remainder]);
        }

        // Each leading zero byte is written as a leading '1'.
        int zeros = data.TakeWhile(b => b == 0).Count();
        return new string('1', zeros) + new string(digits.ToArray());
    }

    public static byte[] Decode(string text, string parameterName)
    {
        BigInteger value = BigInteger.Zero;
        foreach (char c in text)
        {
            int digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new ValueChainFormatException(parameterName, text, $"'{c}' is not a Base58 character");
            }

            value = value * 58 + digit;
        }

        int zeros = text.TakeWhile(c => c == '1').Count();
        byte[] body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] data = new byte[zeros + body.Length];
        body.CopyTo(data, zeros);
        if (data.Length < 4)
        {
            throw new ValueChainFormatException(parameterName, text, "too short for Base58Check");
        }

        byte[] payload = data[..^4];
        if (!SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).SequenceEqual(data.AsSpan(data.Length - 4)))
        {
            throw new ValueChainFormatException(parameterName, text, "the Base58Check checksum is wrong");
        }

        return payload;
    }
}
