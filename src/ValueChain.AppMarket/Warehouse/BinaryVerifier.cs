using System.Security.Cryptography;

namespace ValueChain.AppMarket;

/// <summary>
/// Checks bytes against an app record's <see cref="BinaryReference"/> (as a TUF client checks a target): the length
/// first, then the SHA-256. The IoT manager checks what the warehouse returns; the device agent checks again what
/// arrived, before it runs anything.
/// </summary>
public static class BinaryVerifier
{
    /// <summary>Null when <paramref name="binary"/> matches <paramref name="expected"/>; otherwise what differed.</summary>
    public static string? Mismatch(BinaryReference expected, ReadOnlySpan<byte> binary)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (binary.Length != expected.Length)
        {
            return $"length {binary.Length} instead of {expected.Length}";
        }

        Hash32 actual = new(SHA256.HashData(binary));
        return actual == expected.Sha256 ? null : $"SHA-256 {actual} instead of {expected.Sha256}";
    }

    /// <summary>Throws when <paramref name="binary"/> does not match <paramref name="expected"/>.</summary>
    /// <exception cref="BinaryMismatchException">The length or the SHA-256 differs.</exception>
    public static void Verify(BinaryReference expected, ReadOnlySpan<byte> binary)
    {
        if (Mismatch(expected, binary) is { } reason)
        {
            throw new BinaryMismatchException(expected, reason);
        }
    }
}
