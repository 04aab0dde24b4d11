using System.Security.Cryptography;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ValueChain.Cryptography;

/// <summary>
/// A secp256k1 private key: a scalar in [1, n − 1]. Its <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class PrivateKey
{
    private readonly byte[] _bytes;
    private PublicKey? _publicKey;

    private PrivateKey(byte[] bytes, BcBigInteger scalar)
    {
        _bytes = bytes;
        Scalar = scalar;
    }

    /// <summary>The key as an integer, for the signing arithmetic.</summary>
    internal BcBigInteger Scalar { get; }

    /// <summary>The matching public key (computed once).</summary>
    public PublicKey PublicKey => _publicKey ??= new PublicKey(Secp256k1Curve.MultiplyG(Scalar));

    /// <summary>The Ethereum address of the key.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>Creates a key from 32 big-endian bytes.</summary>
    /// <exception cref="InvalidKeyException">Not 32 bytes, zero, or not below the curve order.</exception>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new InvalidKeyException($"a secp256k1 private key is 32 bytes, not {bytes.Length}");
        }

        BcBigInteger scalar = Secp256k1Curve.ToInteger(bytes);
        if (!Secp256k1Curve.IsScalar(scalar))
        {
            throw new InvalidKeyException("a secp256k1 private key must be in [1, n - 1]");
        }

        return new PrivateKey(bytes.ToArray(), scalar);
    }

    /// <summary>Parses 64 hex digits, with or without <c>0x</c>.</summary>
    /// <exception cref="ValueChainFormatException">Not 32 bytes of hex (the message does not repeat the input).</exception>
    /// <exception cref="InvalidKeyException">Out of range.</exception>
    public static PrivateKey Parse(string hex)
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            Hex.Decode(hex, bytes, "private key");
        }
        catch (ValueChainFormatException)
        {
            // Never echo what might be key material into logs.
            throw new ValueChainFormatException("private key", "(hidden)", "expected 32 bytes as 64 hex digits");
        }

        return FromBytes(bytes);
    }

    /// <summary>Creates a new random key from the operating system's CSPRNG.</summary>
    public static PrivateKey Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            BcBigInteger scalar = Secp256k1Curve.ToInteger(bytes);
            if (Secp256k1Curve.IsScalar(scalar))
            {
                return new PrivateKey(bytes.ToArray(), scalar);
            }
        }
    }

    /// <summary>The 32 big-endian bytes of the key. Handle with care.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>Shows the address, never the key.</summary>
    public override string ToString() => $"PrivateKey({Address})";
}
